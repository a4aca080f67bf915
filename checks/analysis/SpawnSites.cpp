#include "SpawnSites.h"
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
namespace {

enum class ThreadFlavour { None, Thread, JThread, BoostThread };

ThreadFlavour threadFlavour(const CXXRecordDecl *Record) {
  if (!Record)
    return ThreadFlavour::None;
  std::string Name = qualifiedName(Record);
  if (Name == "std::thread")
    return ThreadFlavour::Thread;
  if (Name == "std::jthread")
    return ThreadFlavour::JThread;
  if (Name == "boost::thread")
    return ThreadFlavour::BoostThread;
  return ThreadFlavour::None;
}

llvm::StringRef apiName(ThreadFlavour F) {
  switch (F) {
  case ThreadFlavour::JThread:
    return "std::jthread";
  case ThreadFlavour::BoostThread:
    return "boost::thread";
  default:
    return "std::thread";
  }
}

/// The record type that E's value has (looking through references).
const CXXRecordDecl *recordOf(const Expr *E) {
  return E->getType().getNonReferenceType()->getAsCXXRecordDecl();
}

/// The thread type stored in a container type such as std::vector<std::thread>.
ThreadFlavour elementThreadFlavour(QualType Container) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Container.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return ThreadFlavour::None;
  return threadFlavour(
      Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl());
}

/// std::async's launch policy: false when it is exactly std::launch::deferred
/// (the task runs inside get()); a non-constant policy may run concurrently.
bool asyncPolicyMayRunConcurrently(const Expr *Policy, ASTContext &Ctx) {
  const auto *Enum = Policy->getType()->getAsAdjusted<EnumType>();
  if (!Enum)
    return true;
  Expr::EvalResult Value;
  if (!Policy->EvaluateAsInt(Value, Ctx))
    return true;
  for (const EnumConstantDecl *Constant : Enum->getDecl()->enumerators())
    if (Constant->getName() == "deferred")
      return Value.Val.getInt() != Constant->getInitVal();
  return true;
}

/// Every lambda written in E (a sender pipeline `just() | then([&] {...})`).
void collectLambdas(const Stmt *Root, llvm::SmallVectorImpl<const Expr *> &Out) {
  walk(Root, [&](const Stmt *S) {
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      Out.push_back(Lambda);
      return Step::Skip;
    }
    return Step::Descend;
  });
}

/// `bind_executor(strand, handler)`: the handler is what runs.
const Expr *unwrapBoundHandler(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(stripForwarding(E));
  if (!Call || !Call->getDirectCallee() || writtenArgCount(Call) == 0)
    return E;
  llvm::StringRef Name = Call->getDirectCallee()->getName();
  if (Name == "bind_executor" || Name == "bind_allocator")
    return Call->getArg(writtenArgCount(Call) - 1);
  return E;
}

/// The last component of a qualified name: "tbb::detail::d1::parallel_for"
/// gives "parallel_for".
llvm::StringRef shortName(llvm::StringRef Qualified) {
  size_t Colons = Qualified.rfind("::");
  return Colons == llvm::StringRef::npos ? Qualified
                                         : Qualified.substr(Colons + 2);
}

bool isTbbName(llvm::StringRef Qualified) {
  return Qualified.starts_with("tbb::") || Qualified.starts_with("oneapi::tbb::");
}

/// The record name of an execution policy that runs element accesses on
/// several threads at once.
bool isParallelPolicy(const Expr *E) {
  const CXXRecordDecl *Record = recordOf(E);
  if (!Record)
    return false;
  llvm::StringRef Name = Record->getName();
  return Name == "parallel_policy" || Name == "parallel_unsequenced_policy";
}

void addFunctionObjects(const CallExpr *Call, unsigned From, SpawnSite &Site) {
  for (unsigned I = From; I < writtenArgCount(Call); ++I)
    if (isFunctionObject(Call->getArg(I)))
      Site.Callables.push_back(Call->getArg(I));
}

/// OpenMP constructs: a parallel region runs its body on every thread of
/// the team; a task runs beside the code that created it until taskwait.
std::optional<SpawnSite> recognizeOpenMP(const OMPExecutableDirective *D) {
  if (!D->hasAssociatedStmt())
    return std::nullopt;
  OpenMPDirectiveKind Kind = D->getDirectiveKind();
  SpawnSite Site;
  Site.Call = D;
  Site.Api = ("omp " + getOpenMPDirectiveName(Kind)).str();
  if (isOpenMPParallelDirective(Kind) || isOpenMPTaskLoopDirective(Kind)) {
    Site.SelfOverlapping = true;
    Site.Joins = JoinKind::Blocking;
  } else if (isOpenMPTaskingDirective(Kind)) {
    Site.Joins = JoinKind::Taskwait;
  } else {
    return std::nullopt;
  }
  Site.Region = D->getInnermostCapturedStmt();
  // A clause's children are its variable list (`varlists()` in LLVM 19 was
  // renamed `varlist()` later).
  auto AddPrivate = [&](const OMPClause *C, bool KeepsSharedHandles) {
    for (const Stmt *Ref : C->children())
      if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(
              Ref ? cast<Expr>(Ref)->IgnoreParenImpCasts() : nullptr))
        if (!KeepsSharedHandles || !DRE->getType()->isPointerType())
          Site.RegionPrivate.push_back(DRE->getDecl());
  };
  for (const auto *C : D->getClausesOfKind<OMPPrivateClause>())
    AddPrivate(C, false);
  for (const auto *C : D->getClausesOfKind<OMPLastprivateClause>())
    AddPrivate(C, false);
  for (const auto *C : D->getClausesOfKind<OMPReductionClause>())
    AddPrivate(C, false);
  // A copied pointer still points at the one session.
  for (const auto *C : D->getClausesOfKind<OMPFirstprivateClause>())
    AddPrivate(C, true);
  return Site;
}

} // namespace

bool isFunctionObject(const Expr *E) {
  const CXXRecordDecl *Record = recordOf(E);
  if (!Record || !Record->hasDefinition())
    return false;
  if (Record->isLambda())
    return true;
  for (const CXXMethodDecl *Method : Record->methods())
    if (Method->getOverloadedOperator() == OO_Call)
      return true;
  return false;
}

unsigned writtenArgCount(const CallExpr *Call) {
  unsigned N = Call->getNumArgs();
  while (N > 0 && isa<CXXDefaultArgExpr>(Call->getArg(N - 1)))
    --N;
  return N;
}

Destination findDestination(const Expr *Call, ASTContext &Ctx,
                            const VarDecl *&Handle,
                            const Expr *&DetachedAt) {
  const Stmt *Cur = Call;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Cur);
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
      DynTypedNodeList Up = Ctx.getParents(*Cur);
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
        Assign && Assign->getOpcode() == BO_Assign) {
      Handle = namedVar(Assign->getLHS());
      return Handle ? Destination::Variable : Destination::Elsewhere;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      Handle = namedVar(Op->getArg(0));
      return Handle ? Destination::Variable : Destination::Elsewhere;
    }
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
  DynTypedNodeList Parents = Ctx.getParents(*Move);
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
    Parents = Ctx.getParents(*E);
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
    DynTypedNodeList Parents = Ctx.getParents(Node);
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

const LambdaExpr *lambdaOf(const Expr *Callable) {
  const Expr *E = stripForwarding(Callable);
  // std::function<void()> (QThreadPool::start's parameter) built from a
  // lambda: the lambda is the task.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() >= 1)
    if (const auto *Wrapped =
            dyn_cast<LambdaExpr>(stripForwarding(Construct->getArg(0))))
      return Wrapped;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return Lambda;
  // `auto task = [&] {...}; std::thread t(task);`
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (const Expr *Init = Var->getInit())
        return dyn_cast<LambdaExpr>(stripForwarding(Init));
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
    return Named(Callee, {"emplace_back", "emplace", "run", "start", "spawn"}) ||
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

std::optional<unsigned> spawnsAnnotation(const FunctionDecl *F,
                                         const ASTContext &Ctx) {
  for (const auto *A : F->specific_attrs<AnnotateAttr>()) {
    if (A->getAnnotation() != "sessionlint::spawns" || A->args_size() != 1)
      continue;
    std::optional<llvm::APSInt> Index =
        (*A->args_begin())->getIntegerConstantExpr(Ctx);
    if (Index && !Index->isNegative())
      return Index->getZExtValue();
  }
  return std::nullopt;
}

namespace {

/// A function the user declared a spawn (SESSIONLINT_SPAWNS(n), or listed in
/// SpawnFunctions): argument n, or the first function object, is the task;
/// the arguments after it are handed to it. Joined through the variable
/// that receives the result, or through the object of a member call (a
/// pool's wait()); fire-and-forget otherwise.
std::optional<SpawnSite> recognizeUserSpawn(const CallExpr *Call,
                                            ASTContext &Ctx,
                                            const NameList *UserSpawns) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(Call))
    return std::nullopt;
  std::optional<unsigned> Index = spawnsAnnotation(Callee, Ctx);
  std::string Name = qualifiedName(Callee);
  if (!Index && (!UserSpawns || UserSpawns->empty() || !UserSpawns->matches(Name)))
    return std::nullopt;
  unsigned NumArgs = writtenArgCount(Call);
  unsigned First = Index ? *Index : 0;
  if (!Index)
    while (First < NumArgs && !isFunctionObject(Call->getArg(First)))
      ++First;
  if (First >= NumArgs)
    return std::nullopt;
  SpawnSite Site;
  Site.Call = Call;
  Site.Api = Name;
  Site.Callables.push_back(Call->getArg(First));
  for (unsigned I = First + 1; I < NumArgs; ++I)
    Site.Arguments.push_back(Call->getArg(I));
  const VarDecl *Handle = nullptr;
  const Expr *DetachedAt = nullptr;
  switch (findDestination(Call, Ctx, Handle, DetachedAt)) {
  case Destination::Variable:
    Site.Handle = Handle;
    Site.Joins = JoinKind::Explicit;
    return Site;
  case Destination::Detached:
    Site.Joins = JoinKind::Never;
    Site.DetachedAt = DetachedAt;
    return Site;
  case Destination::Awaited:
    return std::nullopt;
  default:
    break;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    Site.Handle = namedVar(Member->getImplicitObjectArgument());
  Site.Joins = Site.Handle ? JoinKind::Explicit : JoinKind::Never;
  return Site;
}

} // namespace

namespace {

/// True when S sits in an operand that is never evaluated: sizeof, alignof,
/// noexcept, a typeid of a non-polymorphic operand, decltype, typeof, or a
/// requires-expression. `noexcept(std::thread(f))` starts no thread.
bool isUnevaluated(const Stmt &S, ASTContext &Ctx) {
  llvm::SmallVector<DynTypedNode, 8> Work{DynTypedNode::create(S)};
  for (unsigned Steps = 0; !Work.empty() && Steps < 256; ++Steps) {
    DynTypedNode Node = Work.pop_back_val();
    if (const auto *St = Node.get<Stmt>()) {
      if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr>(St))
        return true;
      if (const auto *Typeid = dyn_cast<CXXTypeidExpr>(St);
          Typeid && !Typeid->isPotentiallyEvaluated())
        return true;
      if (isa<LambdaExpr>(St))
        return false; // A lambda body is evaluated when it is called.
    }
    if (const auto *Type = Node.get<TypeLoc>();
        Type && (Type->getAs<DecltypeTypeLoc>() || Type->getAs<TypeOfExprTypeLoc>()))
      return true;
    if (Node.get<Decl>() && Node.get<Decl>()->isFunctionOrFunctionTemplate())
      return false;
    for (const DynTypedNode &Parent : Ctx.getParents(Node))
      Work.push_back(Parent);
  }
  return false;
}

std::optional<SpawnSite> recognizeEvaluated(const Stmt *CandidateStmt,
                                            ASTContext &Ctx,
                                            const NameList *UserSpawns) {
  if (const auto *D = dyn_cast_or_null<OMPExecutableDirective>(CandidateStmt))
    return recognizeOpenMP(D);
  const auto *Candidate = dyn_cast_or_null<Expr>(CandidateStmt);
  if (!Candidate || Candidate->containsErrors())
    return std::nullopt;
  SpawnSite Site;
  Site.Call = Candidate;
  bool DiscardedIsSequential = true;

  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Candidate)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor || Ctor->isCopyOrMoveConstructor() || Construct->getNumArgs() == 0)
      return std::nullopt;
    ThreadFlavour F = threadFlavour(Ctor->getParent());
    if (F == ThreadFlavour::None)
      return std::nullopt;
    Site.Api = apiName(F).str();
    Site.Joins = F == ThreadFlavour::JThread ? JoinKind::AtScopeEnd
                                             : JoinKind::Explicit;
    Site.Callables.push_back(Construct->getArg(0));
    for (unsigned I = 1; I < Construct->getNumArgs(); ++I)
      Site.Arguments.push_back(Construct->getArg(I));
  } else if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Candidate)) {
    const Expr *Object = MemberCall->getImplicitObjectArgument();
    const CXXMethodDecl *Method = MemberCall->getMethodDecl();
    if (!Object || !Method || MemberCall->getNumArgs() == 0)
      return std::nullopt;
    if (std::optional<SpawnSite> User =
            recognizeUserSpawn(MemberCall, Ctx, UserSpawns))
      return User;
    if (Method->getName() == "start" &&
        qualifiedName(Method->getParent()) == "QThreadPool") {
      // QThreadPool::start(runnable or callable): waitForDone() joins.
      if (!isFunctionObject(MemberCall->getArg(0)))
        return std::nullopt; // A QRunnable subclass: its run() is not seen.
      Site.Api = "QThreadPool::start";
      Site.Callables.push_back(MemberCall->getArg(0));
      Site.Handle = namedVar(Object);
      Site.Joins = Site.Handle ? JoinKind::Explicit : JoinKind::Never;
      return Site;
    }
    if (Method->getName() == "spawn" &&
        Method->getParent()->getName().ends_with("_scope")) {
      // P2300 async_scope / counting_scope: scope.spawn(sender) runs the
      // sender's work; the scope is joined elsewhere (on_empty / join).
      collectLambdas(MemberCall->getArg(0), Site.Callables);
      if (Site.Callables.empty())
        return std::nullopt;
      Site.Api = qualifiedName(Method);
      Site.Joins = JoinKind::Never;
      return Site;
    }
    if (Method->getName() == "run") {
      // tbb::task_group::run(f): joined by the group's wait().
      std::string Group = qualifiedName(Method->getParent());
      if (!isTbbName(Group) || !llvm::StringRef(Group).ends_with("task_group"))
        return std::nullopt;
      Site.Api = "tbb::task_group::run";
      Site.Callables.push_back(MemberCall->getArg(0));
      Site.Handle = namedVar(Object);
      Site.Joins = Site.Handle ? JoinKind::Explicit : JoinKind::Never;
      return Site;
    }
    // workers.emplace_back(callable, args...): a thread built in place.
    ThreadFlavour F = elementThreadFlavour(Object->getType());
    if (F == ThreadFlavour::None)
      return std::nullopt;
    const CXXRecordDecl *First = recordOf(MemberCall->getArg(0));
    if (First && threadFlavour(First) != ThreadFlavour::None)
      return std::nullopt; // emplace_back(std::move(t)) moves a thread in.
    Site.Api = apiName(F).str();
    Site.Joins = F == ThreadFlavour::JThread ? JoinKind::AtScopeEnd
                                             : JoinKind::Explicit;
    Site.Callables.push_back(MemberCall->getArg(0));
    for (unsigned I = 1; I < MemberCall->getNumArgs(); ++I)
      Site.Arguments.push_back(MemberCall->getArg(I));
    // A container member (`workers_.emplace_back(...)`) is joined somewhere
    // else, if at all: not by this function.
    Site.Handle = namedVar(Object);
    if (!Site.Handle)
      Site.Joins = JoinKind::Never;
    return Site;
  } else if (const auto *Call = dyn_cast<CallExpr>(Candidate)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return std::nullopt;
    std::string Name = qualifiedName(Callee);
    llvm::StringRef Short = shortName(Name);
    bool IsAsio = llvm::StringRef(Name).starts_with("boost::asio::") ||
                  llvm::StringRef(Name).starts_with("asio::");
    unsigned NumArgs = writtenArgCount(Call);
    if (Name == "std::async") {
      unsigned First = 0;
      if (NumArgs > 0 && Call->getArg(0)->getType()->isEnumeralType()) {
        if (!asyncPolicyMayRunConcurrently(Call->getArg(0), Ctx))
          return std::nullopt; // std::launch::deferred runs inside get().
        First = 1;
      }
      if (NumArgs <= First)
        return std::nullopt;
      Site.Api = "std::async";
      Site.Joins = JoinKind::AtScopeEnd; // The future blocks when destroyed.
      Site.Callables.push_back(Call->getArg(First));
      for (unsigned I = First + 1; I < NumArgs; ++I)
        Site.Arguments.push_back(Call->getArg(I));
    } else if (Name == "pthread_create") {
      // pthread_create(&tid, attr, start, arg): joined by pthread_join(tid).
      if (NumArgs < 4)
        return std::nullopt;
      Site.Api = "pthread_create";
      Site.Callables.push_back(Call->getArg(2));
      Site.Arguments.push_back(Call->getArg(3));
      const Expr *Tid = stripForwarding(Call->getArg(0));
      if (const auto *AddrOf = dyn_cast<UnaryOperator>(Tid);
          AddrOf && AddrOf->getOpcode() == UO_AddrOf)
        Site.Handle = namedVar(AddrOf->getSubExpr());
      Site.Joins = Site.Handle ? JoinKind::Explicit : JoinKind::Never;
      return Site;
    } else if (llvm::StringRef(Name).starts_with("QtConcurrent::") &&
               isQtConcurrentMapName(Short)) {
      // QtConcurrent::mapped(sequence, function[, reduce]): the function runs
      // on many items at once; the reduce function one call at a time,
      // beside them. The blocking forms return when all are done.
      unsigned First = 0;
      while (First < NumArgs && Call->getArg(First)->getType()->isPointerType() &&
             !Call->getArg(First)->getType()->isFunctionPointerType())
        ++First; // A QThreadPool *.
      for (unsigned I = First + 1; I < NumArgs; ++I) {
        const Expr *Arg = Call->getArg(I);
        if (isFunctionObject(Arg) || Arg->getType()->isFunctionPointerType() ||
            Arg->getType()->isFunctionType())
          Site.Callables.push_back(Arg);
      }
      if (Site.Callables.empty())
        return std::nullopt;
      Site.Api = Name;
      Site.SelfOverlapping = true;
      Site.SerialFrom = 1;
      Site.Joins = Short.starts_with("blocking") ? JoinKind::Blocking
                                                 : JoinKind::Explicit;
      return Site;
    } else if (Name == "QtConcurrent::run") {
      // run([pool,] function, args...): joined through the QFuture.
      unsigned First = 0;
      while (First < NumArgs && !isFunctionObject(Call->getArg(First)) &&
             !Call->getArg(First)->getType()->isFunctionPointerType() &&
             !Call->getArg(First)->getType()->isFunctionType())
        ++First;
      if (First == NumArgs)
        return std::nullopt;
      Site.Api = "QtConcurrent::run";
      Site.Callables.push_back(Call->getArg(First));
      for (unsigned I = First + 1; I < NumArgs; ++I)
        Site.Arguments.push_back(Call->getArg(I));
      Site.Joins = JoinKind::Explicit;
      DiscardedIsSequential = false;
    } else if (Short == "start_detached" ||
               (Short == "spawn" &&
                (llvm::StringRef(Name).starts_with("std::execution::") ||
                 llvm::StringRef(Name).starts_with("stdexec::") ||
                 llvm::StringRef(Name).starts_with("exec::")))) {
      // P2300: spawn(sender, scope), start_detached(sender): the sender's
      // work runs on its scheduler, never joined here. Its functions are
      // the lambdas the sender pipeline was built from.
      if (NumArgs == 0)
        return std::nullopt;
      Site.Api = Name;
      collectLambdas(Call->getArg(0), Site.Callables);
      if (Site.Callables.empty())
        return std::nullopt;
      Site.Joins = JoinKind::Never;
      DiscardedIsSequential = false;
    } else if (std::optional<SpawnSite> User =
                   recognizeUserSpawn(Call, Ctx, UserSpawns)) {
      return User;
    } else if (IsAsio && Short == "co_spawn") {
      if (NumArgs < 2)
        return std::nullopt;
      Site.Api = "co_spawn";
      Site.Callables.push_back(Call->getArg(1));
      Site.Joins = JoinKind::Never;
      DiscardedIsSequential = false;
      if (NumArgs >= 3) {
        const Expr *Token = Call->getArg(NumArgs - 1);
        const CXXRecordDecl *TokenType = recordOf(Token);
        llvm::StringRef TokenName = TokenType ? TokenType->getName() : "";
        // use_awaitable and deferred start the task only when awaited, and
        // the awaiting coroutine waits for it: sequential.
        if (TokenName == "use_awaitable_t" || TokenName == "deferred_t")
          return std::nullopt;
        if (TokenName == "use_future_t")
          Site.Joins = JoinKind::Explicit;
        else if (TokenName == "detached_t")
          Site.DetachedAt = Token;
      }
    } else if (IsAsio && (Short == "post" || Short == "dispatch" ||
                          Short == "defer" || Short == "spawn")) {
      // post(ex, handler), post(handler), spawn(ctx, function[, token]):
      // fire-and-forget. With a completion token instead of a handler
      // (`co_await post(ex, use_awaitable)`) nothing runs beside us.
      if (NumArgs == 0)
        return std::nullopt;
      const Expr *Handler =
          unwrapBoundHandler(Call->getArg(Short == "spawn" && NumArgs > 1
                                              ? 1
                                              : NumArgs - 1));
      if (!isFunctionObject(Handler))
        return std::nullopt;
      const CXXRecordDecl *HandlerType = recordOf(Handler);
      if (HandlerType && HandlerType->getName().ends_with("_t") &&
          !HandlerType->isLambda())
        return std::nullopt; // A completion token such as use_future_t.
      Site.Api = Short.str();
      Site.Callables.push_back(Handler);
      Site.Joins = JoinKind::Never;
      DiscardedIsSequential = false;
    } else if (isTbbName(Name) && Short.starts_with("parallel_")) {
      // tbb::parallel_for(range, body), parallel_invoke(f, g, ...): the
      // caller waits; the bodies run on many threads at once.
      Site.Api = ("tbb::" + Short).str();
      addFunctionObjects(Call, 0, Site);
      if (Site.Callables.empty())
        return std::nullopt;
      Site.SelfOverlapping = true;
      Site.CallablesRunOnce = Short == "parallel_invoke";
      Site.Joins = JoinKind::Blocking;
      return Site;
    } else if (NumArgs > 0 && isParallelPolicy(Call->getArg(0)) &&
               llvm::StringRef(Name).starts_with("std::")) {
      Site.Api = Name;
      addFunctionObjects(Call, 1, Site);
      if (Site.Callables.empty())
        return std::nullopt;
      Site.SelfOverlapping = true;
      Site.Joins = JoinKind::Blocking;
      return Site;
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }

  const VarDecl *Handle = nullptr;
  const Expr *DetachedAt = nullptr;
  switch (findDestination(Candidate, Ctx, Handle, DetachedAt)) {
  case Destination::Variable:
    if (Site.Joins != JoinKind::Never)
      Site.Handle = Handle;
    break;
  case Destination::Detached:
    Site.Joins = JoinKind::Never;
    Site.DetachedAt = DetachedAt;
    break;
  case Destination::Discarded:
    // A discarded std::async future joins at the end of the full-expression
    // and a discarded std::jthread joins at once; a discarded std::thread
    // terminates the program, which is not a sharing bug.
    if (DiscardedIsSequential)
      return std::nullopt;
    break;
  case Destination::Awaited:
    return std::nullopt;
  case Destination::Returned:
    Site.Returned = Site.Joins != JoinKind::Never;
    Site.ReturnedJoins = Site.Joins;
    [[fallthrough]];
  case Destination::Elsewhere:
    // Returned, stored in a member, passed to code we do not see: this
    // function never joins it.
    Site.Joins = JoinKind::Never;
    break;
  }
  return Site;
}

} // namespace

std::optional<SpawnSite> recognizeSpawn(const Stmt *CandidateStmt,
                                        ASTContext &Ctx,
                                        const NameList *UserSpawns) {
  std::optional<SpawnSite> Site = recognizeEvaluated(CandidateStmt, Ctx, UserSpawns);
  if (Site && isUnevaluated(*CandidateStmt, Ctx))
    return std::nullopt;
  return Site;
}

} // namespace sessionlint
