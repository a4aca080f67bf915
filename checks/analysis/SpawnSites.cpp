#include "SpawnSites.h"
#include "Parents.h"
#include "Names.h"
#include "Walk.h"
#include "llvm/ADT/StringExtras.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/OpenMPKinds.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace sessionlint {

bool hasUnevaluatedOperands(const Stmt &S) {
  if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr>(S))
    return true;
  const auto *Typeid = dyn_cast<CXXTypeidExpr>(&S);
  return Typeid && !Typeid->isPotentiallyEvaluated();
}

/// The record type that E's value has (looking through references).
const CXXRecordDecl *recordOf(const Expr *E) {
  return E->getType().getNonReferenceType()->getAsCXXRecordDecl();
}

bool isFunctionObject(const Expr *E) {
  const CXXRecordDecl *Record = recordOf(E);
  if (!Record || !Record->hasDefinition())
    return false;
  if (Record->isLambda())
    return true;
  for (const CXXMethodDecl *Method : Record->methods())
    if (Method->getOverloadedOperator() == OO_Call)
      return true;
  // A call operator template (`beast::bind_front_handler`'s wrapper,
  // std::bind's result): not among methods().
  for (const Decl *D : Record->decls())
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Template->getTemplatedDecl());
          Method && Method->getOverloadedOperator() == OO_Call)
        return true;
  return false;
}

unsigned writtenArgCount(const CallExpr *Call) {
  unsigned N = Call->getNumArgs();
  while (N > 0 && isa<CXXDefaultArgExpr>(Call->getArg(N - 1)))
    --N;
  return N;
}

bool memberOfVariable(const Expr *E, const VarDecl *&Var, const FieldDecl *&Field) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(stripForwarding(E));
  if (!Member)
    return false;
  Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
  Var = namedVar(Member->getBase()->IgnoreParenImpCasts());
  return Field && Var;
}

const VarDecl *handleVar(const Expr *E, const FieldDecl **Field) {
  if (const VarDecl *V = namedVar(E))
    return V;
  const VarDecl *Var = nullptr;
  const FieldDecl *Member = nullptr;
  if (!Field || !memberOfVariable(E, Var, Member))
    return nullptr;
  *Field = Member;
  return Var;
}

bool designatesHandle(const Expr *E, const VarDecl *Handle, const FieldDecl *Field) {
  if (!Handle)
    return false;
  if (!Field)
    return namedVar(E) == Handle;
  const VarDecl *Var = nullptr;
  const FieldDecl *Member = nullptr;
  return memberOfVariable(E, Var, Member) && Var == Handle && Member == Field;
}

Destination findDestination(const Expr *Call, ASTContext &Ctx,
                            const VarDecl *&Handle,
                            const Expr *&DetachedAt,
                            const FieldDecl **HandleField) {
  // `t = std::thread(...)`, and `job.worker = std::thread(...)` when the
  // caller takes a member of a variable as the handle.
  auto Assigned = [&](const Expr *LHS) {
    Handle = handleVar(LHS, HandleField);
    return Handle ? Destination::Variable : Destination::Elsewhere;
  };
  const Stmt *Cur = Call;
  while (true) {
    ParentList Parents = parentsOf(*Cur, Ctx);
    if (Parents.empty())
      return Destination::Elsewhere;
    const DynTypedNode &Parent = Parents[0];
    if (const auto *VD = Parent.get<VarDecl>()) {
      Handle = VD;
      return Destination::Variable;
    }
    if (Parent.get<ReturnStmt>())
      return Destination::Returned;
    const auto *E = Parent.get<Expr>();
    if (!E)
      return Parent.get<Stmt>() ? Destination::Discarded
                                : Destination::Elsewhere;
    // `(void)std::async(...)`, `static_cast<void>(...)`: thrown away as
    // surely as a statement.
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
        Cast && Cast->getType()->isVoidType()) {
      Cur = E;
      ParentList Up = parentsOf(*Cur, Ctx);
      if (!Up.empty() && !Up[0].get<Expr>() && Up[0].get<Stmt>())
        return Destination::Discarded;
      continue;
    }
    // `std::ignore = std::async(...)`: std::ignore keeps nothing.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      const auto *Ref = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts());
      if (Ref && qualifiedName(Ref->getDecl()) == "std::ignore")
        return Destination::Discarded;
    }
    if (isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
            ExprWithCleanups, ParenExpr, CXXFunctionalCastExpr>(E)) {
      Cur = E;
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (Ctor && Ctor->isCopyOrMoveConstructor()) {
        Cur = E;
        continue;
      }
      return Destination::Elsewhere;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->getMemberDecl()->getName() == "detach") {
        DetachedAt = Member;
        return Destination::Detached;
      }
      return Destination::Elsewhere;
    }
    if (isa<CoawaitExpr>(E))
      return Destination::Awaited;
    if (const auto *Assign = dyn_cast<BinaryOperator>(E);
        Assign && Assign->getOpcode() == BO_Assign)
      return Assigned(Assign->getLHS());
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      return Assigned(Op->getArg(0));
    if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(E)) {
      // workers.push_back(std::thread(...)): joined through the container.
      const CXXMethodDecl *Method = MemberCall->getMethodDecl();
      llvm::StringRef Name = Method ? Method->getName() : "";
      if (Name.starts_with("push") || Name.starts_with("emplace") ||
          Name == "insert") {
        Handle = namedVar(MemberCall->getImplicitObjectArgument());
        return Handle ? Destination::Variable : Destination::Elsewhere;
      }
    }
    return Destination::Elsewhere;
  }
}

namespace {

/// The first `std::move(Handle)` in S (source order of a pre-order walk),
/// outside nested lambdas.
const CallExpr *findMoveOf(const Stmt *Root, const VarDecl *Handle) {
  const CallExpr *Found = nullptr;
  walk(Root, [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    if (const auto *Call = dyn_cast<CallExpr>(S);
        Call && isStdMove(Call) && namedVar(Call->getArg(0)) == Handle) {
      Found = Call;
      return Step::Stop;
    }
    return Step::Descend;
  });
  return Found;
}

/// Whether Move's value goes into a container that is not a local variable
/// (`workers_.push_back(std::move(t))`).
bool movedIntoMemberContainer(const CallExpr *Move, ASTContext &Ctx) {
  ParentList Parents = parentsOf(*Move, Ctx);
  while (!Parents.empty()) {
    if (const auto *MemberCall = Parents[0].get<CXXMemberCallExpr>()) {
      const CXXMethodDecl *Method = MemberCall->getMethodDecl();
      llvm::StringRef Name = Method ? Method->getName() : "";
      return (Name.starts_with("push") || Name.starts_with("emplace") ||
              Name == "insert") &&
             !namedVar(MemberCall->getImplicitObjectArgument());
    }
    const auto *E = Parents[0].get<Expr>();
    if (!E || !isa<ImplicitCastExpr, MaterializeTemporaryExpr,
                   CXXBindTemporaryExpr, CXXConstructExpr>(E))
      return false;
    Parents = parentsOf(*E, Ctx);
  }
  return false;
}

} // namespace

void followMovedHandle(SpawnSite &Site, const Stmt *Body, ASTContext &Ctx) {
  for (unsigned Step = 0; Step < 4 && Site.Handle; ++Step) {
    const CallExpr *Move = findMoveOf(Body, Site.Handle);
    if (!Move)
      return;
    const VarDecl *NewHandle = nullptr;
    const Expr *DetachedAt = nullptr;
    if (findDestination(Move, Ctx, NewHandle, DetachedAt) ==
            Destination::Variable &&
        NewHandle && NewHandle != Site.Handle) {
      Site.Handle = NewHandle;
      continue;
    }
    if (movedIntoMemberContainer(Move, Ctx)) {
      Site.Handle = nullptr;
      Site.Joins = JoinKind::Never;
    }
    // Otherwise handed to a call (perhaps a joining helper): keep it.
    return;
  }
}

const Expr *stripForwarding(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() == 1 &&
             Construct->getConstructor() &&
             Construct->getConstructor()->isCopyOrMoveConstructor())
      E = Construct->getArg(0);
    else
      return E;
  }
  return E;
}

const Decl *enclosingFunction(const Stmt *S, ASTContext &Ctx,
                              EnclosingCache *Cache) {
  DynTypedNode Node = DynTypedNode::create(*S);
  llvm::SmallVector<const void *, 16> Climbed;
  auto Answer = [&](const Decl *Result) {
    if (Cache)
      for (const void *N : Climbed)
        (*Cache)[N] = Result;
    return Result;
  };
  while (true) {
    const void *Key = Node.getMemoizationData();
    if (Cache && Key) {
      auto It = Cache->find(Key);
      if (It != Cache->end())
        return Answer(It->second);
      Climbed.push_back(Key);
    }
    ParentList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return Answer(nullptr);
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Lambda = Parent.get<LambdaExpr>()) {
      // Captures belong to the enclosing function; only the body is the
      // lambda's own.
      if (Node.get<Stmt>() == Lambda->getBody())
        return Answer(Lambda->getCallOperator());
    } else if (const auto *Function = Parent.get<FunctionDecl>()) {
      return Answer(Function);
    } else if (const auto *Block = Parent.get<BlockDecl>()) {
      return Answer(Block);
    } else if (Parent.get<TranslationUnitDecl>() ||
               Parent.get<RecordDecl>() || Parent.get<NamespaceDecl>()) {
      return Answer(nullptr);
    }
    Node = Parent;
  }
}

bool isCallableWrapper(QualType T) {
  const CXXRecordDecl *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record)
    return false;
  std::string Name = qualifiedName(Record);
  return Name == "std::function" || Name == "std::move_only_function" ||
         Name == "std::copyable_function" || Name == "std::packaged_task" ||
         Name == "boost::function" || Name == "folly::Function";
}

bool declaredInLoopAround(const VarDecl *V, const Stmt *S, ASTContext &Ctx) {
  if (!V || !V->isLocalVarDecl())
    return false;
  DynTypedNode Node = DynTypedNode::create(*V);
  for (unsigned Steps = 0; Steps < 32; ++Steps) {
    ParentList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return false;
    Node = Parents[0];
    const Stmt *Loop = Node.get<Stmt>();
    if (isa_and_nonnull<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Loop))
      return Loop->getSourceRange().fullyContains(S->getSourceRange());
    if (Node.get<Decl>() && Node.get<Decl>()->isFunctionOrFunctionTemplate())
      return false;
  }
  return false;
}

const Stmt *innermostLoopAround(const Stmt *S, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*S);
  for (unsigned Steps = 0; Steps < 64; ++Steps) {
    ParentList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const Stmt *Loop = Node.get<Stmt>();
        isa_and_nonnull<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Loop))
      return Loop;
    if (Node.get<Decl>())
      return nullptr;
  }
  return nullptr;
}

int parameterIndex(const Expr *E, const Decl *Function) {
  if (const auto *Param = dyn_cast_or_null<ParmVarDecl>(E ? namedVar(E) : nullptr);
      Param && Decl::castFromDeclContext(Param->getDeclContext()) == Function)
    return static_cast<int>(Param->getFunctionScopeIndex());
  return -1;
}

const ParmVarDecl *callableParameter(const Expr *Callable, const Decl *Function) {
  const Expr *E = Callable;
  for (unsigned Hop = 0; E && Hop < 4; ++Hop) {
    E = stripForwarding(E);
    if (isStdMove(E)) {
      E = cast<CallExpr>(E->IgnoreParenImpCasts())->getArg(0);
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() >= 1 && isCallableWrapper(Construct->getType())) {
      E = Construct->getArg(0);
      continue;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    if (Param && Decl::castFromDeclContext(Param->getDeclContext()) == Function)
      return Param;
    return nullptr;
  }
  return nullptr;
}

const LambdaExpr *lambdaOf(const Expr *Callable) {
  // A few hops: `std::function<void()> job = [&] {...}; std::thread t(job);`
  // is a variable initialised with a std::function built from the lambda.
  const Expr *E = Callable;
  for (unsigned Hop = 0; E && Hop < 6; ++Hop) {
    E = stripForwarding(E);
    if (isStdMove(E)) {
      E = cast<CallExpr>(E->IgnoreParenImpCasts())->getArg(0);
      continue;
    }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
      return Lambda;
    // std::function<void()> (QThreadPool::start's parameter) built from a
    // lambda: the lambda is the task.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() < 1)
        return nullptr;
      const Expr *Arg = stripForwarding(Construct->getArg(0));
      if (!isa<LambdaExpr>(Arg) && !isCallableWrapper(Construct->getType()))
        return nullptr;
      E = Arg;
      continue;
    }
    // `auto task = [&] {...}; std::thread t(task);`
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var || isa<ParmVarDecl>(Var) || !Var->isLocalVarDecl())
      return nullptr;
    E = Var->getInit();
  }
  return nullptr;
}

bool returnsVariable(const Stmt *Body, const VarDecl *Handle) {
  if (!Handle)
    return false;
  return !walk(Body, [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    if (const auto *Return = dyn_cast<ReturnStmt>(S);
        Return && Return->getRetValue() &&
        namedVar(Return->getRetValue()) == Handle)
      return Step::Stop;
    return Step::Descend;
  });
}

bool isStdMove(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
  if (!Call || Call->getNumArgs() != 1 || !Call->getDirectCallee())
    return false;
  std::string Name = qualifiedName(Call->getDirectCallee());
  return Name == "std::move" || Name == "std::forward";
}

const VarDecl *namedVar(const Expr *E) {
  E = stripForwarding(E);
  if (E && isStdMove(E))
    E = stripForwarding(cast<CallExpr>(E->IgnoreParenImpCasts())->getArg(0));
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

/// QtConcurrent's map and filter family, blocking or not.
bool isQtConcurrentMapName(llvm::StringRef Name) {
  Name.consume_front("blocking");
  if (Name.empty())
    return false;
  std::string Lower = Name.str();
  Lower[0] = llvm::toLower(Lower[0]);
  return Lower == "map" || Lower == "mapped" || Lower == "mappedReduced" ||
         Lower == "filter" || Lower == "filtered" || Lower == "filteredReduced";
}

bool isSpawnCandidate(const Stmt &S) {
  // Names only, compared as identifiers: this runs on every statement of a
  // translation unit. recognizeSpawn() checks the qualified name.
  auto Named = [](const NamedDecl *D, std::initializer_list<llvm::StringRef> Names) {
    const IdentifierInfo *Id = D ? D->getIdentifier() : nullptr;
    if (!Id)
      return false;
    llvm::StringRef Name = Id->getName();
    return llvm::is_contained(Names, Name);
  };
  if (isa<OMPExecutableDirective>(S))
    return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    return Construct->getConstructor() &&
           Named(Construct->getConstructor()->getParent(), {"thread", "jthread"});
  const auto *Call = dyn_cast<CallExpr>(&S);
  if (!Call)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  if (isa<CXXMemberCallExpr>(Call))
    return Named(Callee, {"emplace_back", "emplace", "run", "start", "spawn", "startWithPriority",
                           "tryStart", "startFunc", "create_thread"}) ||
           Callee->hasAttr<AnnotateAttr>();
  if (Named(Callee, {"async", "co_spawn", "spawn", "post", "dispatch", "defer",
                     "start_detached", "pthread_create", "run", "parallel_for",
                     "parallel_for_each", "parallel_invoke", "parallel_reduce",
                     "parallel_deterministic_reduce"}) ||
      isQtConcurrentMapName(Callee->getIdentifier() ? Callee->getName() : "") ||
      Callee->hasAttr<AnnotateAttr>())
    return true;
  // std::for_each(std::execution::par, ...) and every other parallel
  // algorithm: recognised by the policy argument, not by name.
  if (Call->getNumArgs() == 0)
    return false;
  const CXXRecordDecl *Policy =
      Call->getArg(0)->getType().getNonReferenceType()->getAsCXXRecordDecl();
  return Policy && Named(Policy, {"parallel_policy", "parallel_unsequenced_policy"});
}

void addSpawnCandidateMatchers(MatchFinder &Finder, MatchFinder::MatchCallback *Callback) {
  Finder.addMatcher(
      cxxConstructExpr(isSpawnCandidateStmt(), unless(isInSystemCode())).bind("spawn"),
      Callback);
  Finder.addMatcher(
      callExpr(isSpawnCandidateStmt(), unless(isInSystemCode())).bind("spawn"), Callback);
  Finder.addMatcher(ompExecutableDirective(unless(isInSystemCode())).bind("spawn"),
                    Callback);
}

} // namespace sessionlint
