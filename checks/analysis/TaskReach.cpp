#include "TaskReach.h"
#include "Names.h"
#include "Walk.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtOpenMP.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace sessionlint {
namespace {

/// std::ref(x) / std::cref(x) / boost::ref(x): the argument, else null.
const Expr *refWrapperArgument(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(stripForwarding(E));
  if (!Call || Call->getNumArgs() != 1)
    return nullptr;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return nullptr;
  std::string Name = qualifiedName(Callee);
  if (Name == "std::ref" || Name == "std::cref" || Name == "boost::ref" ||
      Name == "boost::cref")
    return Call->getArg(0);
  return nullptr;
}

} // namespace

const FunctionDecl *thisCallee(const Stmt *S) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
  if (!Call || !Call->getMethodDecl() || !Call->getImplicitObjectArgument() ||
      !isa<CXXThisExpr>(Call->getImplicitObjectArgument()->IgnoreParenImpCasts()))
    return nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!Call->getMethodDecl()->hasBody(Definition) || !Definition ||
      Definition->isInvalidDecl())
    return nullptr;
  return Definition;
}

namespace {

/// Finds what a task body reaches without a capture: member sessions used
/// through the captured `this` (also inside the member functions it calls
/// on `this`), and globals and statics named directly (nested lambdas
/// included: they reach them the same way). A use inside a called member
/// function is anchored at the call in the task body.
class BodyUses : public RecursiveASTVisitor<BodyUses> {
public:
  BodyUses(bool CapturesThis,
           llvm::function_ref<void(SessionRef, SourceLocation)> OnUse)
      : CapturesThis(CapturesThis), OnUse(OnUse) {}
  bool VisitMemberExpr(MemberExpr *ME) {
    if (CapturesThis &&
        isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
        isa<FieldDecl>(ME->getMemberDecl()))
      OnUse(SessionRef{ME->getMemberDecl(), true}, anchor(ME->getMemberLoc()));
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->hasGlobalStorage() && !Var->isStaticLocal())
      OnUse(SessionRef{Var, false}, anchor(Ref->getLocation()));
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    if (!CapturesThis || Depth >= MemberCallDepth)
      return true;
    const FunctionDecl *Callee = thisCallee(Call);
    if (!Callee || !Visited.insert(Callee).second)
      return true;
    SourceLocation Saved = Anchor;
    if (Anchor.isInvalid())
      Anchor = Call->getExprLoc();
    ++Depth;
    TraverseStmt(Callee->getBody());
    --Depth;
    Anchor = Saved;
    return true;
  }

private:
  SourceLocation anchor(SourceLocation Use) const {
    return Anchor.isValid() ? Anchor : Use;
  }

  bool CapturesThis;
  llvm::function_ref<void(SessionRef, SourceLocation)> OnUse;
  unsigned Depth = 0;
  SourceLocation Anchor;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Visited;
};

/// `&Worker::run`: the member function a pointer-to-member callable names.
const FunctionDecl *memberFunctionOf(const Expr *Callable) {
  const auto *AddrOf = dyn_cast<UnaryOperator>(stripForwarding(Callable));
  if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(AddrOf->getSubExpr()->IgnoreParens());
  const auto *Method = Ref ? dyn_cast<CXXMethodDecl>(Ref->getDecl()) : nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!Method || Method->isStatic() || !Method->hasBody(Definition))
    return nullptr;
  return Definition;
}

/// Local variables of the enclosing function that an OpenMP region names.
class RegionLocals : public RecursiveASTVisitor<RegionLocals> {
public:
  RegionLocals(const CapturedDecl *Inside,
               llvm::ArrayRef<const ValueDecl *> Private,
               llvm::function_ref<void(SessionRef, SourceLocation)> OnUse)
      : Inside(Inside), Private(Private), OnUse(OnUse) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || !Var->hasLocalStorage() || llvm::is_contained(Private, Var))
      return true;
    // Declared inside the region: each thread has its own.
    for (const DeclContext *DC = Var->getDeclContext(); DC;
         DC = DC->getParent())
      if (DC == Inside)
        return true;
    OnUse(SessionRef{Var, false}, Ref->getLocation());
    return true;
  }

private:
  const CapturedDecl *Inside;
  llvm::ArrayRef<const ValueDecl *> Private;
  llvm::function_ref<void(SessionRef, SourceLocation)> OnUse;
};

class ReachCollector {
public:
  ReachCollector(SessionTypeClassifier &Types, Verdict Wanted)
      : Types(Types), Wanted(Wanted) {}

  void addIfShared(std::optional<SessionRef> Ref, SourceLocation Anchor) {
    if (!Ref || !Ref->Decl)
      return;
    if (Types.classify(Ref->Decl->getType()).Result != Wanted)
      return;
    for (const ReachedSession &R : Found)
      if (R.Session == *Ref)
        return;
    Found.push_back({*Ref, Anchor});
  }

  /// A value handed over by copy shares the session only if copying it
  /// copies a handle (pointer, shared_ptr, opaque handle).
  void addIfCopyShares(const Expr *Arg) {
    std::optional<SessionRef> Ref = namedSession(Arg);
    if (Ref && sharesByCopy(Ref->Decl->getType()))
      addIfShared(Ref, Arg->getExprLoc());
  }

  /// An argument the spawn API passes to the task's callable.
  void addArgument(const Expr *Arg) {
    if (isStdMove(Arg))
      return;
    if (const Expr *Wrapped = refWrapperArgument(Arg)) {
      addIfShared(namedSession(Wrapped), Arg->getExprLoc());
      return;
    }
    const Expr *Stripped = stripForwarding(Arg);
    if (const auto *AddrOf = dyn_cast<UnaryOperator>(Stripped);
        AddrOf && AddrOf->getOpcode() == UO_AddrOf) {
      addIfShared(namedSession(AddrOf->getSubExpr()), Arg->getExprLoc());
      return;
    }
    addIfCopyShares(Stripped);
  }

  void addLambda(const LambdaExpr *Lambda) {
    bool CapturesThis = false;
    for (const LambdaCapture &Capture : Lambda->captures()) {
      if (Capture.capturesThis()) {
        CapturesThis = true;
        continue;
      }
      if (!Capture.capturesVariable())
        continue;
      const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar());
      if (!Var)
        continue;
      if (Var->isInitCapture()) {
        addInitCapture(Var);
        continue;
      }
      if (Capture.getCaptureKind() == LCK_ByRef) {
        addIfShared(SessionRef{Var, false}, Capture.getLocation());
      } else if (sharesByCopy(Var->getType())) {
        addIfShared(SessionRef{Var, false}, Capture.getLocation());
      }
    }
    if (Lambda->getBody()) {
      auto OnBodyUse = [&](SessionRef Ref, SourceLocation Loc) {
        addIfShared(Ref, Loc);
      };
      BodyUses Visitor(CapturesThis, OnBodyUse);
      Visitor.TraverseStmt(Lambda->getBody());
    }
  }

  /// `[&c = conn]`, `[p = &conn]`, `[h = handle]`, `[c = std::move(conn)]`.
  void addInitCapture(const VarDecl *Capture) {
    const Expr *Init = Capture->getInit();
    if (!Init || isStdMove(Init))
      return;
    if (Capture->getType()->isReferenceType()) {
      addIfShared(namedSession(Init), Capture->getLocation());
      return;
    }
    const Expr *Stripped = stripForwarding(Init);
    if (const auto *AddrOf = dyn_cast<UnaryOperator>(Stripped);
        AddrOf && AddrOf->getOpcode() == UO_AddrOf) {
      addIfShared(namedSession(AddrOf->getSubExpr()), Capture->getLocation());
      return;
    }
    std::optional<SessionRef> Ref = namedSession(Stripped);
    if (Ref && sharesByCopy(Ref->Decl->getType()))
      addIfShared(Ref, Capture->getLocation());
  }

  /// co_spawn(ex, progress(db, id), detached): the coroutine's reference
  /// and pointer parameters alias the caller's objects for the whole run.
  void addCoroutineCall(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return;
    unsigned ParamOffset = 0;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && isa<CXXMethodDecl>(Callee))
      ParamOffset = 1; // operator() call: argument 0 is the object.
    for (unsigned I = ParamOffset; I < Call->getNumArgs(); ++I) {
      unsigned ParamIndex = I - ParamOffset;
      if (ParamIndex >= Callee->getNumParams())
        break;
      QualType ParamType = Callee->getParamDecl(ParamIndex)->getType();
      const Expr *Arg = Call->getArg(I);
      if (isStdMove(Arg))
        continue;
      if (ParamType->isReferenceType())
        addIfShared(namedSession(Arg), Arg->getExprLoc());
      else
        addArgument(Arg);
    }
    // An immediately invoked coroutine lambda reaches what it captures.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
      if (const auto *Lambda =
              dyn_cast<LambdaExpr>(stripForwarding(Op->getArg(0))))
        addLambda(Lambda);
  }

  void addCallable(const Expr *Callable) {
    if (const LambdaExpr *Lambda = lambdaOf(Callable)) {
      addLambda(Lambda);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(stripForwarding(Callable)))
      addCoroutineCall(Call);
  }

  /// An argument bound to a reference or pointer parameter of a helper
  /// that hands it to the task.
  void addSharedArgument(const Expr *Arg) {
    if (isStdMove(Arg))
      return;
    const Expr *Stripped = stripForwarding(Arg);
    if (const auto *AddrOf = dyn_cast<UnaryOperator>(Stripped);
        AddrOf && AddrOf->getOpcode() == UO_AddrOf)
      Stripped = AddrOf->getSubExpr();
    addIfShared(namedSession(Stripped), Arg->getExprLoc());
  }

  /// An OpenMP region shares every variable of the enclosing function it
  /// names, unless a clause gives each thread its own copy.
  void addRegion(const CapturedStmt *Region,
                 llvm::ArrayRef<const ValueDecl *> Private) {
    const CapturedDecl *Inside = Region->getCapturedDecl();
    auto OnBodyUse = [&](SessionRef Ref, SourceLocation Loc) {
      addIfShared(Ref, Loc);
    };
    BodyUses Globals(/*CapturesThis=*/true, OnBodyUse);
    Globals.TraverseStmt(const_cast<Stmt *>(Region->getCapturedStmt()));
    RegionLocals Locals(Inside, Private, OnBodyUse);
    Locals.TraverseStmt(const_cast<Stmt *>(Region->getCapturedStmt()));
  }

  /// The body of a member function the task runs on `this`; every use is
  /// anchored at Anchor (the `this` argument).
  void addMemberFunctionBody(const FunctionDecl *Method, SourceLocation Anchor) {
    auto OnBodyUse = [&](SessionRef Ref, SourceLocation) {
      addIfShared(Ref, Anchor);
    };
    BodyUses Visitor(/*CapturesThis=*/true, OnBodyUse);
    Visitor.TraverseStmt(Method->getBody());
  }

  llvm::SmallVector<ReachedSession, 2> take() { return std::move(Found); }

private:
  /// A copy hands the task the same session when the type is a handle; a
  /// thread-affine object is wrong on another thread even as a copy
  /// (QSqlDatabase copies share one connection).
  bool sharesByCopy(QualType T) {
    SessionType Type = Types.classify(T);
    return Type.CopyShares || Type.isThreadAffine();
  }

  SessionTypeClassifier &Types;
  Verdict Wanted;
  llvm::SmallVector<ReachedSession, 2> Found;
};

} // namespace

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

namespace {

/// Adds the bodies of the member functions S calls on `this`, transitively
/// up to MemberCallDepth.
void addThisCallees(const Stmt *Root, unsigned Depth,
                    llvm::SmallVectorImpl<const Stmt *> &Bodies) {
  if (!Root || Depth >= MemberCallDepth)
    return;
  walk(Root, [&](const Stmt *S) {
    if (const FunctionDecl *Callee = thisCallee(S))
      if (!llvm::is_contained(Bodies, Callee->getBody())) {
        Bodies.push_back(Callee->getBody());
        addThisCallees(Callee->getBody(), Depth + 1, Bodies);
      }
    return Step::Descend;
  });
}

} // namespace

llvm::SmallVector<const Stmt *, 2> taskEntryBodies(const SpawnSite &Site) {
  llvm::SmallVector<const Stmt *, 2> Bodies;
  for (const Expr *Callable : Site.Callables) {
    if (const LambdaExpr *Lambda = lambdaOf(Callable))
      Bodies.push_back(Lambda->getBody());
    else if (const FunctionDecl *Method = memberFunctionOf(Callable))
      Bodies.push_back(Method->getBody());
  }
  if (Site.Region)
    Bodies.push_back(Site.Region->getCapturedStmt());
  return Bodies;
}

llvm::SmallVector<const Stmt *, 2> taskBodies(const SpawnSite &Site) {
  llvm::SmallVector<const Stmt *, 2> Bodies = taskEntryBodies(Site);
  for (unsigned I = 0, E = Bodies.size(); I < E; ++I)
    addThisCallees(Bodies[I], 0, Bodies);
  return Bodies;
}

std::optional<SessionRef> namedSession(const Expr *E) {
  if (!E)
    return std::nullopt;
  E = stripForwarding(E);
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    E = stripForwarding(Deref->getSubExpr());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      return SessionRef{Var, false};
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()) &&
        isa<FieldDecl>(Member->getMemberDecl()))
      return SessionRef{Member->getMemberDecl(), true};
  return std::nullopt;
}

llvm::SmallVector<ReachedSession, 2>
sessionsReachedBy(const SpawnSite &Site, SessionTypeClassifier &Types,
                  Verdict Wanted) {
  ReachCollector Collector(Types, Wanted);
  for (const Expr *Callable : Site.Callables)
    Collector.addCallable(Callable);
  // std::thread(&Worker::run, this): the member function runs on `this`.
  llvm::ArrayRef<const Expr *> Arguments = Site.Arguments;
  if (!Site.Callables.empty() && !Arguments.empty())
    if (const FunctionDecl *Method = memberFunctionOf(Site.Callables[0]))
      if (isa<CXXThisExpr>(stripForwarding(Arguments[0]))) {
        Collector.addMemberFunctionBody(Method, Arguments[0]->getExprLoc());
        Arguments = Arguments.drop_front();
      }
  for (const Expr *Arg : Arguments)
    Collector.addArgument(Arg);
  for (const Expr *Arg : Site.SharedArguments)
    Collector.addSharedArgument(Arg);
  if (Site.Region)
    Collector.addRegion(Site.Region, Site.RegionPrivate);
  return Collector.take();
}

} // namespace sessionlint
