//===--- RuleEscape.cpp - SPEC rule 3: a task that outlives its spawner ---===//
//
// A task that is detached, fire-and-forget or stored in a member is still
// running when the spawning function returns. When the session it reaches
// is owned outside that function, its owner goes on using it:
//
//  - a parameter (a reference, pointer or handle), a global or static, a
//    variable an enclosing function lends a lambda: the other users are out
//    of view; a task that holds a lock at every use is trusted to follow
//    its owner's locking protocol, unless the lock (a mutex, a strand) is
//    made by the spawning function itself, which nobody else can take;
//  - a reference or pointer member (bound by the constructor to an object
//    the class does not own), or a public member: the same;
//  - a private member held by value (or a handle the class fills itself,
//    not one a constructor is handed): when the member function is called
//    in view from outside the class, the callers judge (the call is a spawn
//    site there, joined by a member function or destructor that joins the
//    object's thread, so `start(); stop(); report();` is silent and
//    `start(); report();` is not); otherwise the other users are the
//    class's other entry points (public member functions, and private ones no other
//    member function calls), whose summaries say where they use it and
//    under which locks, and the spawning function itself run again: a
//    fire-and-forget task (detached, co_spawn'd, posted, pushed into a
//    member container) started by each call overlaps the one the previous
//    call started. A member only one task touches, whose handle is kept in
//    a member (one task per object), is the task's own, as in a writer
//    thread that owns its connection.
//
// Not when the handle is returned (the caller joins it). For a helper's
// call, only when the helper has internal linkage: a helper other files may
// call reports its own escape of its parameter; one only this file calls
// leaves that to its callers, which know whether they own what they pass.
//
//===----------------------------------------------------------------------===//
#include "Conflicts.h"
#include "Parents.h"
#include "Engine.h"
#include "Walk.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace sessionlint {
namespace {

/// The class whose member function Function is (or is written in, for a
/// lambda), and that function.
const CXXMethodDecl *enclosingMethod(const Decl *Function) {
  const DeclContext *DC = dyn_cast<DeclContext>(Function);
  for (; DC; DC = DC->getParent())
    if (const auto *M = dyn_cast<CXXMethodDecl>(DC); M && !M->getParent()->isLambda())
      return M;
  return nullptr;
}

/// The methods of Record called on `this` inside Record's own member
/// functions (lambdas in them included).
llvm::SmallPtrSet<const Decl *, 8> calledInside(const CXXRecordDecl *Record) {
  llvm::SmallPtrSet<const Decl *, 8> Called;
  for (const CXXMethodDecl *M : Record->methods()) {
    const FunctionDecl *Def = nullptr;
    if (!M->hasBody(Def))
      continue;
    walk(Def->getBody(), [&](const Stmt *S) {
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
        if (const Expr *Object = Call->getImplicitObjectArgument();
            Object && isa<CXXThisExpr>(Object->IgnoreParenImpCasts()) &&
            Call->getMethodDecl())
          Called.insert(Call->getMethodDecl()->getCanonicalDecl());
      return Step::Descend;
    });
  }
  return Called;
}

/// `worker_ = std::thread(...)`, `Flusher() : thread_([this] {...})`: the
/// task's handle is kept in a member that holds one task, so the function
/// cannot start a second one beside it.
bool storedInMemberHandle(const SpawnSite &Site, ASTContext &Ctx) {
  // A constructor's member initialiser: one task per object.
  for (const DynTypedNode &Parent : parentsOf(*Site.Call, Ctx))
    if (const auto *Ctor = Parent.get<CXXConstructorDecl>())
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isMemberInitializer() &&
            stripForwarding(Init->getInit()) == Site.Call)
          return true;
  // `activity_.start()`, `thread_.start(runnable)`, `worker_.start()` on a
  // QThread member: the member is a thread that runs one task at a time
  // (a second start while it runs is ignored, or throws).
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Site.Call);
      Call && Site.Entry &&
      (llvm::StringRef(Site.Api).starts_with("QThread::") ||
       llvm::StringRef(Site.Api).starts_with("Poco::Thread::") ||
       llvm::StringRef(Site.Api).starts_with("Poco::Activity::")))
    if (const auto *Member =
            dyn_cast<MemberExpr>(Call->getImplicitObjectArgument()->IgnoreParenImpCasts()))
      return isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
  const Stmt *Cur = Site.Call;
  for (unsigned Step = 0; Step < 8; ++Step) {
    ParentList Parents = parentsOf(*Cur, Ctx);
    if (Parents.empty())
      return false;
    const auto *E = Parents[0].get<Expr>();
    if (!E)
      return false;
    const Expr *LHS = nullptr;
    if (const auto *Assign = dyn_cast<BinaryOperator>(E);
        Assign && Assign->getOpcode() == BO_Assign)
      LHS = Assign->getLHS();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      LHS = Op->getArg(0);
    if (LHS) {
      const auto *Member = dyn_cast<MemberExpr>(LHS->IgnoreParenImpCasts());
      return Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
    }
    Cur = E;
  }
  return false;
}

} // namespace

bool Engine::hasCallersInView(const Decl *Function) {
  const CXXMethodDecl *Method = enclosingMethod(Function);
  const FunctionDecl *Def = Method ? Table->definitionOf(Method) : nullptr;
  if (!Def)
    return false;
  // Calls from outside the class: its own member functions calling it are
  // the class again, whose callers may be out of view.
  return llvm::any_of(callersOf(Def), [&](const Decl *Caller) {
    const CXXMethodDecl *Outer = enclosingMethod(Caller);
    return !Outer || Outer->getParent()->getCanonicalDecl() !=
                         Method->getParent()->getCanonicalDecl();
  });
}

std::vector<TaskAccess> Engine::otherMemberUses(const Decl *Function,
                                                const SpawnSite &Site,
                                                const Place &Session) {
  std::vector<TaskAccess> Out;
  const CXXMethodDecl *Spawner = enclosingMethod(Function);
  if (!Spawner)
    return Out;
  const CXXRecordDecl *Record = Spawner->getParent()->getDefinition();
  if (!Record)
    return Out;
  llvm::SmallPtrSet<const Decl *, 8> Internal = calledInside(Record);
  for (const CXXMethodDecl *M : Record->methods()) {
    // The task's own entry point (a thread class's run(), the member
    // function an activity runs) is the task, not another user.
    if (isa<CXXConstructorDecl, CXXDestructorDecl>(M) ||
        M->getCanonicalDecl() == Spawner->getCanonicalDecl() ||
        (Site.Entry && M->getCanonicalDecl() == Site.Entry->getCanonicalDecl()))
      continue;
    // A private helper is used through the member functions that call it,
    // under their locks.
    if (M->getAccess() != AS_public && Internal.contains(M->getCanonicalDecl()))
      continue;
    const FunctionDecl *Def = Table->definitionOf(M);
    if (!Def)
      continue;
    const Summary &S = Table->of(Def);
    for (const Access &A : S.Accesses)
      if (A.Target == Session) {
        TaskAccess Use;
        Use.Use = A;
        Out.push_back(std::move(Use));
      }
    for (const EscapingTask &Task : S.Tasks)
      for (const TaskAccess &A : Task.Reach)
        if (A.Use.Target == Session)
          Out.push_back(A);
  }
  return Out;
}

std::optional<Finding> Engine::escape(const Decl *Function, const SpawnSite &Site,
                                      const Place &Session,
                                      llvm::ArrayRef<TaskAccess> Reach) {
  FunctionOrdering *Ordering = orderingOf(Function);
  const Expr *DetachedLater = Ordering ? Ordering->findDetach(Site.Handle) : nullptr;
  if ((Site.Joins != JoinKind::Never && !DetachedLater) || Site.Returned)
    return std::nullopt;
  // The task signals its end through a future this function waits for.
  if (Site.DoneFuture && Joins.bodyJoins(Function->getBody(), Site.DoneFuture))
    return std::nullopt;
  // Only this file can call it, and does: its callers decide. A virtual
  // member function may be called through a base class from anywhere.
  auto Internal = [&](const Decl *D) {
    const auto *F = dyn_cast_or_null<FunctionDecl>(D);
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(F);
    return F && (!M || !M->isVirtual()) && F->getFormalLinkage() == Linkage::Internal &&
           !callersOf(F).empty();
  };
  if (Site.HelperSpawn && !Site.HelperRunsCallerCode) {
    // The spawn itself is in a helper only this file calls (the escape was
    // left to its callers), else it was reported where it is. A task that
    // runs code written here (`pool.submit([&db] {...})`) is judged here:
    // the helper never saw what it reaches.
    const Decl *Origin = enclosingFunction(Site.HelperSpawn, Ctx);
    for (const auto *M = dyn_cast_or_null<CXXMethodDecl>(Origin);
         M && M->getParent()->isLambda(); M = dyn_cast_or_null<CXXMethodDecl>(Origin))
      Origin = dyn_cast_or_null<Decl>(M->getParent()->getDeclContext());
    if (!Internal(Origin))
      return std::nullopt;
  }
  bool OwnedOutside = false;
  bool OthersInView = false;
  if (const VarDecl *V = Session.rootVar()) {
    const Frame &Fr = Table->frameOf(Function);
    if (V->hasGlobalStorage()) {
      OwnedOutside = true;
    } else if (const auto *Param = dyn_cast<ParmVarDecl>(V)) {
      // Its callers, all in view, decide.
      if (Internal(Function))
        return std::nullopt;
      OwnedOutside = Param->getType()->isReferenceType() ||
                     refersElsewhere(Param->getType(), Types) ||
                     Session.depth() > 0;
    } else {
      // A lambda's capture of its enclosing function's variable.
      OwnedOutside = !Fr.declaresLocal(V);
    }
  } else if (Session.root() == Place::Root::This && Session.depth() > 0 &&
             Session.step(0) != Place::elementStep()) {
    const auto *Member = static_cast<const FieldDecl *>(Session.step(0));
    OwnedOutside = true;
    // A reference or pointer member bound by a constructor to what it is
    // handed refers to an object the class does not own; one the class
    // fills itself (`sqlite3_open(path, &db_)`) is its own, like a value.
    bool Handed = false;
    if (refersElsewhere(Member->getType(), Types))
      if (const auto *Class = dyn_cast<CXXRecordDecl>(Member->getParent()))
        for (const CXXConstructorDecl *Ctor : Class->ctors())
          if (!Ctor->isImplicit() && !Ctor->isCopyOrMoveConstructor())
            Handed = Handed || !Ctor->hasBody() ||
                     memberBoundToParameter(Ctor, Member).has_value();
    OthersInView = Member->getAccess() != AS_public &&
                   (!refersElsewhere(Member->getType(), Types) ||
                    (!Handed && !Member->getType()->isReferenceType()));
  }
  if (!OwnedOutside)
    return std::nullopt;
  if (OthersInView) {
    // The member function is called in view (`c.start(); c.report();
    // c.stop();`): whether another entry point, or a second start, runs
    // beside the task is decided at those calls, where the order is known
    // (the call is a spawn site there, joined by a member function that
    // joins the object's thread). Without callers in view, the class's
    // entry points are all there is to go by.
    if (hasCallersInView(Function))
      return std::nullopt;
    bool AgainBeside = !storedInMemberHandle(Site, Ctx) && conflictWithin(Reach);
    if (!AgainBeside && !anyConflict(Reach, otherMemberUses(Function, Site, Session)))
      return std::nullopt;
  } else {
    // Trusted only with a lock the owner can take too: a mutex or strand
    // made in this function protects nothing against the caller.
    const Frame &Fr = Table->frameOf(Function);
    bool Trusted = llvm::all_of(Reach, [&](const TaskAccess &A) {
      return llvm::any_of(A.Use.Held, [&](const Place &Lock) {
        const VarDecl *V = Lock.rootVar();
        return !V || !Fr.declaresLocal(V);
      });
    });
    if (Trusted)
      return std::nullopt;
  }
  Finding F;
  F.What = Finding::Escape;
  F.Site = &Site;
  F.Reached = Reach.front();
  F.DetachedAt = DetachedLater ? DetachedLater : Site.DetachedAt;
  return F;
}

} // namespace sessionlint
