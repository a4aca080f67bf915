//===--- SummaryCalls.cpp - what crosses a function boundary -------------===//
//
// The half of the summaries that is not the walk over one body
// (Summaries.cpp): a callee's summary moved into its caller's frame at a
// call (its roots bound to the arguments, its locks joined by those held
// around the call, its escaping tasks handed on or joined), and a spawn in
// the body, recorded as part of what the function does when it is joined
// before the function returns and as an escaping task when it is not.
//
//===----------------------------------------------------------------------===//
#include "Summaries.h"
#include "Names.h"
#include "Parents.h"
#include "Tasks.h"
#include "Walk.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace sessionlint {
namespace {

/// The argument of Call bound to parameter Index (past the object of a
/// member operator).
const Expr *argumentAt(const Expr *Call, unsigned Index) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    unsigned Offset = isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()) ? 1 : 0;
    return Index + Offset < Op->getNumArgs() ? Op->getArg(Index + Offset) : nullptr;
  }
  if (const auto *C = dyn_cast<CallExpr>(Call))
    return Index < C->getNumArgs() ? C->getArg(Index) : nullptr;
  if (const auto *C = dyn_cast<CXXConstructExpr>(Call))
    return Index < C->getNumArgs() ? C->getArg(Index) : nullptr;
  return nullptr;
}

/// Whether Handle is detached somewhere in Fr's body.
bool detaches(const VarDecl *Handle, const Frame &Fr) {
  return !walk(Fr.body(), [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S);
        Member && Member->getMethodDecl() &&
        Member->getMethodDecl()->getName() == "detach" &&
        namedVar(Member->getImplicitObjectArgument()) == Handle)
      return Step::Stop;
    if (const auto *Call = dyn_cast<CallExpr>(S);
        Call && Call->getDirectCallee() && Call->getNumArgs() == 1 &&
        Call->getDirectCallee()->getName() == "pthread_detach" &&
        namedVar(Call->getArg(0)) == Handle)
      return Step::Stop;
    return Step::Descend;
  });
}

/// Whether the task of Site is still running when Fr's function returns.
bool escapes(const SpawnSite &Site, const Frame &Fr, JoinFinder &Joins) {
  if (Site.Joins == JoinKind::Blocking || Site.Joins == JoinKind::Taskwait)
    return false;
  if (Site.DoneFuture && Joins.bodyJoins(Fr.body(), Site.DoneFuture))
    return false;
  if (Site.Joins == JoinKind::Never || Site.Returned)
    return true;
  // A handle passed in outlives the call; a member of a parameter
  // (`job.worker = std::thread(...)`) too, unless this body joins it.
  if (!Site.Handle || (isa<ParmVarDecl>(Site.Handle) && !Site.HandleField))
    return true;
  // Detached later, returned to the caller, or never joined in this body.
  if (detaches(Site.Handle, Fr) || returnsVariable(Fr.body(), Site.Handle))
    return true;
  return Site.Joins == JoinKind::Explicit &&
         !Joins.bodyJoins(Fr.body(), Site.Handle, Site.HandleField) &&
         !returnsVariable(Fr.body(), Site.Handle);
}

} // namespace

/// The spawn at Site: a task joined before this function returns is part
/// of what the function does; one that outlives it is recorded for the
/// callers.
void SummaryTable::recordSpawn(const SpawnSite &Site, const Frame &Fr, Summary &Out,
                               const Lockset &Around) {
  TaskModel Model(*this);
  const std::vector<TaskAccess> &Reach = Model.reachOf(Site, Fr);
  if (escapes(Site, Fr, Joins)) {
    EscapingTask Task;
    Task.Spawn = Site.Call;
    Task.Origin = Site.HelperSpawn ? Site.HelperSpawn : Site.Call;
    Task.Api = Site.Api;
    Task.Reach = Reach;
    Task.ReturnsHandle =
        Site.Returned || (Site.Handle && returnsVariable(Fr.body(), Site.Handle));
    Task.ReturnedJoins = Site.Returned ? Site.ReturnedJoins : Site.Joins;
    if (const auto *Param = dyn_cast_or_null<ParmVarDecl>(Site.Handle);
        Param && !Site.HandleField && Param->getType()->isReferenceType() &&
        !detaches(Site.Handle, Fr)) {
      Task.HandleParam = Param->getFunctionScopeIndex();
      Task.ReturnedJoins = Site.Joins;
    } else if (Site.ContextParam && !Site.Handle) {
      Task.HandleParam = Site.ContextParam->getFunctionScopeIndex();
      Task.ReturnedJoins = JoinKind::Explicit;
      Task.PostedToContext = true;
    }
    Task.Runs = Model.paramRuns(Site, Fr);
    Out.Tasks.push_back(std::move(Task));
    return;
  }
  for (const TaskAccess &A : Reach) {
    Access Copy = A.Use;
    Copy.Where = Site.Call;
    Copy.ByTask = Site.Call;
    Copy.Deferred = false;
    // Started by one thread of an OpenMP team (`single`): the task runs
    // once, never beside itself.
    if (runsOnOneThread(Around))
      Copy.Held.push_back(Place::key(Site.Call));
    Out.add(std::move(Copy));
  }
}

void SummaryTable::recordSubmissions(const Frame &Fr, Summary &Out) {
  const auto *F = dyn_cast<FunctionDecl>(Fr.function());
  if (!F || !SubmissionFinder::takesCallable(F))
    return;
  for (const Submission &Sub : Submissions.of(F)) {
    EscapingTask Task;
    Task.Spawn = Sub.Store;
    Task.Origin = Sub.Store;
    Task.Api = F->getNameAsString();
    Task.ReturnsHandle = Sub.ReturnsFuture;
    Task.ReturnedJoins = JoinKind::Explicit;
    Task.Queued = true;
    ParamRun Run;
    Run.Callable = Sub.Callable;
    Run.Arguments = Sub.Arguments;
    Run.Serial = Sub.Serial ? Sub.Queue : nullptr;
    Task.Runs.push_back(std::move(Run));
    Out.Tasks.push_back(std::move(Task));
  }
}

/// The tasks of a callee that run what its caller hands in, at Call: a
/// callable argument's uses join the task's reach, a parameter of the
/// caller handed on is the caller's to resolve.
static void resolveRuns(const EscapingTask &Task, const Expr *Call, const Frame &Fr,
                        SummaryTable &T, EscapingTask &Moved) {
  for (const ParamRun &Run : Task.Runs) {
    const Expr *Job = argumentAt(Call, Run.Callable);
    if (!Job)
      continue;
    llvm::SmallVector<const Expr *, 2> Args;
    for (int Index : Run.Arguments)
      Args.push_back(Index < 0 ? nullptr : argumentAt(Call, static_cast<unsigned>(Index)));
    if (const ParmVarDecl *Own = callableParameter(Job, Fr.function())) {
      ParamRun On;
      On.Callable = Own->getFunctionScopeIndex();
      On.Serial = Run.Serial;
      for (const Expr *Arg : Args)
        On.Arguments.push_back(parameterIndex(Arg, Fr.function()));
      Moved.Runs.push_back(std::move(On));
      continue;
    }
    Lockset Extra;
    if (Run.Serial)
      Extra.push_back(Place::key(Run.Serial));
    std::vector<TaskAccess> Reach;
    TaskModel(T).addCallable(Job, Args, Fr, Extra, Reach);
    Moved.RunsCallerCode |= !Reach.empty();
    for (TaskAccess &A : Reach) {
      A.Use.Where = Call;
      Moved.Reach.push_back(std::move(A));
    }
  }
}

/// What the callee does, moved into this frame at Call.
void SummaryTable::applyCallee(const FunctionDecl *Def, const Expr *Call, const Frame &Fr,
                               const Lockset &Around, Summary &Out) {
  const Summary &S = of(Def);
  if (InProgress.contains(Def) || S.SawUnfinished)
    Out.SawUnfinished = true;
  auto Map = [&](const Place &Root) { return bindRoot(Root, Def, Call, Fr); };
  // Copy what is read: of() for a recursive call may grow S.
  std::vector<Access> Accesses = S.Accesses;
  std::vector<EscapingTask> Tasks = S.Tasks;
  for (const Access &A : Accesses) {
    std::optional<Place> P = translate(A.Target, Map, Fr);
    if (!P || !isSessionLeaf(P->type()))
      continue;
    Access Moved;
    Moved.Target = *P;
    Moved.Kind = A.Kind;
    Moved.Held = translate(A.Held, Map, Fr);
    if (!A.Deferred)
      unite(Moved.Held, Around);
    Moved.Where = Call;
    Moved.Deferred = A.Deferred;
    Moved.ByTask = A.ByTask ? Call : nullptr;
    Out.add(std::move(Moved));
  }
  for (const EscapingTask &Task : Tasks) {
    EscapingTask Moved;
    Moved.Spawn = Call;
    Moved.Origin = Task.Origin;
    Moved.Api = Def->getNameAsString();
    Moved.ReturnsHandle = Task.ReturnsHandle;
    Moved.ReturnedJoins = Task.ReturnedJoins;
    Moved.Queued = Task.Queued;
    // At this call the handle goes to the helper's argument (the site's
    // handle); beyond it, to this function's own out-parameter if that
    // is what the argument is.
    Moved.HandleParam = Task.HandleParam;
    Moved.PostedToContext = Task.PostedToContext;
    std::optional<unsigned> PassedOn;
    if (Task.HandleParam)
      if (const Expr *Arg = argumentAt(Call, *Task.HandleParam))
        if (const auto *Param = dyn_cast_or_null<ParmVarDecl>(namedVar(Arg));
            Param && Param->getType()->isReferenceType())
          PassedOn = Param->getFunctionScopeIndex();
    for (const TaskAccess &A : Task.Reach) {
      std::optional<std::pair<Place, Passing>> Bound;
      std::optional<Place> P = translate(A.Use.Target, [&](const Place &Root) {
        Bound = bindRoot(Root, Def, Call, Fr);
        return Bound;
      }, Fr);
      if (!P)
        continue;
      TaskAccess Access = A;
      Access.Use.Target = *P;
      Access.Use.Held = translate(A.Use.Held, Map, Fr);
      Access.Use.Where = Call;
      // Reached through an argument: anchored at it.
      if (A.Use.Target.root() == Place::Root::Var &&
          isa<ParmVarDecl>(A.Use.Target.rootVar())) {
        unsigned Index = cast<ParmVarDecl>(A.Use.Target.rootVar())->getFunctionScopeIndex();
        if (const Expr *Arg = argumentAt(Call, Index)) {
          Access.Anchor = Arg->getExprLoc();
          if (const ValueDecl *D = P->decl())
            Access.Named = D;
        }
      } else if (A.Use.Target.root() == Place::Root::This) {
        Access.Anchor = Call->getExprLoc();
      }
      Moved.Reach.push_back(std::move(Access));
    }
    resolveRuns(Task, Call, Fr, *this, Moved);
    if (Moved.Reach.empty() && Moved.Runs.empty())
      continue;
    if (isa<CallExpr, CXXConstructExpr>(Call))
      Out.HelperSpawns.push_back({Call, Moved});
    Moved.HandleParam = PassedOn;
    // Joined here through the argument the helper stored the handle in.
    if (Task.HandleParam && !PassedOn)
      if (const Expr *Arg = argumentAt(Call, *Task.HandleParam)) {
        const VarDecl *Handle = namedVar(Arg);
        if (const auto *AddrOf = dyn_cast<UnaryOperator>(stripForwarding(Arg));
            !Handle && AddrOf && AddrOf->getOpcode() == UO_AddrOf)
          Handle = namedVar(AddrOf->getSubExpr());
        if (Handle && (Joins.bodyJoins(Fr.body(), Handle) ||
                       (Task.PostedToContext && ownsContext(Handle)))) {
          for (const TaskAccess &A : Moved.Reach) {
            Access Joined = A.Use;
            Joined.ByTask = Call;
            Out.add(std::move(Joined));
          }
          continue;
        }
      }
    // The task outlives this function too, unless it joins the handle
    // the helper returns.
    if (Task.ReturnsHandle)
      if (const auto *CallE = dyn_cast<CallExpr>(Call)) {
        const VarDecl *Handle = nullptr;
        const Expr *DetachedAt = nullptr;
        Destination D = findDestination(CallE, Ctx, Handle, DetachedAt);
        if (D == Destination::Discarded || D == Destination::Awaited)
          continue;
        if (D == Destination::Variable && Handle &&
            Joins.bodyJoins(Fr.body(), Handle)) {
          for (const TaskAccess &A : Moved.Reach) {
            Access Joined = A.Use;
            Joined.ByTask = Call;
            Out.add(std::move(Joined));
          }
          continue;
        }
        Moved.ReturnsHandle = D == Destination::Returned;
      }
    Out.Tasks.push_back(std::move(Moved));
  }
}

std::optional<std::pair<Place, Passing>>
SummaryTable::bindRoot(const Place &Root, const FunctionDecl *Callee,
                       const Expr *Call, const Frame &Caller) {
  auto Bind = [&](const Expr *Arg, QualType ParamType)
      -> std::optional<std::pair<Place, Passing>> {
    if (!Arg || isa<CXXDefaultArgExpr>(Arg))
      return std::nullopt;
    if (isStdMove(Arg) && !ParamType->isReferenceType())
      return std::make_pair(Place(), Passing::Moved);
    std::optional<Place> P = Caller.placeOf(Arg);
    if (!P)
      return std::nullopt;
    bool Shared = ParamType->isReferenceType() || ParamType->isPointerType() ||
                  refersElsewhere(ParamType, Types);
    return std::make_pair(*P, Shared ? Passing::Shared : Passing::Copied);
  };
  switch (Root.root()) {
  case Place::Root::Var: {
    const VarDecl *V = Root.rootVar();
    if (V->hasGlobalStorage())
      return std::make_pair(Root.prefix(0, V->getType().getNonReferenceType()),
                            Passing::Shared);
    const auto *Param = dyn_cast<ParmVarDecl>(V);
    if (!Param || Param->getDeclContext() != Callee)
      return std::nullopt; // The callee's own object.
    unsigned Index = Param->getFunctionScopeIndex();
    const Expr *Arg = nullptr;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      unsigned Offset = isa<CXXMethodDecl>(Callee) ? 1 : 0;
      if (Index + Offset < Op->getNumArgs())
        Arg = Op->getArg(Index + Offset);
    } else if (const auto *C = dyn_cast<CallExpr>(Call)) {
      if (Index < C->getNumArgs())
        Arg = C->getArg(Index);
    } else if (const auto *C = dyn_cast<CXXConstructExpr>(Call)) {
      if (Index < C->getNumArgs())
        Arg = C->getArg(Index);
    }
    return Bind(Arg, Param->getType());
  }
  case Place::Root::This: {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      const Expr *Object = Member->getImplicitObjectArgument();
      std::optional<Place> P = Caller.placeOf(Object);
      if (!P)
        return std::nullopt;
      return std::make_pair(*P, Passing::Shared);
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && isa<CXXMethodDecl>(Callee) && Op->getNumArgs() > 0) {
      std::optional<Place> P = Caller.placeOf(Op->getArg(0));
      if (!P)
        return std::nullopt;
      return std::make_pair(*P, Passing::Shared);
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call)) {
      // The object being built: the variable it initialises, else the
      // temporary.
      if (const VarDecl *Built = initializedVariable(Construct, Ctx);
          Built && !Built->getType()->isReferenceType())
        return std::make_pair(Caller.placeOfVar(Built), Passing::Shared);
      std::optional<Place> P = Caller.placeOf(Construct);
      if (!P)
        return std::nullopt;
      return std::make_pair(*P, Passing::Shared);
    }
    return std::nullopt;
  }
  default:
    return std::nullopt;
  }
}

std::optional<Place> SummaryTable::translate(const Place &P, RootMap Map,
                                             const Frame &Into) {
  if (P.root() == Place::Root::Key)
    return P;
  std::optional<std::pair<Place, Passing>> Bound = Map(P.prefix(0, QualType()));
  if (!Bound || Bound->second == Passing::Moved)
    return std::nullopt;
  if (Bound->second == Passing::Copied) {
    // The callee has a copy: only what the copy points to is shared.
    bool CrossesReference = false;
    QualType Cur = Bound->first.type();
    for (size_t I = 0; I < P.depth() && !CrossesReference; ++I) {
      const void *Step = P.step(I);
      if (Step == Place::elementStep()) {
        Cur = elementTypeOf(Cur);
        CrossesReference = !Cur.isNull() && refersElsewhere(Cur, Types);
        continue;
      }
      const auto *F = static_cast<const FieldDecl *>(Step);
      CrossesReference = refersElsewhere(F->getType(), Types);
      Cur = F->getType();
    }
    if (!CrossesReference && !refersElsewhere(Bound->first.type(), Types))
      return std::nullopt;
  }
  return Into.canonical(P.rebase(0, Bound->first));
}

Lockset SummaryTable::translate(llvm::ArrayRef<Place> Held, RootMap Map,
                                const Frame &Into) {
  Lockset Out;
  for (const Place &M : Held)
    if (std::optional<Place> P = translate(M, Map, Into))
      unite(Out, {*P});
  return Out;
}

} // namespace sessionlint
