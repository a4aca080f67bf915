#include "Tasks.h"
#include "Names.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtOpenMP.h"

using namespace clang;

namespace sessionlint {
namespace {

/// `&Worker::run`: the member function a pointer-to-member callable names.
const CXXMethodDecl *memberFunctionPointer(const Expr *Callable) {
  const auto *AddrOf = dyn_cast<UnaryOperator>(stripForwarding(Callable));
  if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(AddrOf->getSubExpr()->IgnoreParens());
  const auto *Method = Ref ? dyn_cast<CXXMethodDecl>(Ref->getDecl()) : nullptr;
  return Method && !Method->isStatic() ? Method : nullptr;
}

/// `worker`, `&worker`, `Class::static_worker`: the function a callable
/// names.
const FunctionDecl *namedFunction(const Expr *Callable) {
  const Expr *E = stripForwarding(Callable);
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(E);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    E = AddrOf->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  if (!Ref)
    return nullptr;
  const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl());
  if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(F); M && !M->isStatic())
    return nullptr;
  return F;
}

/// The call operator of a function object's class that has a body.
const CXXMethodDecl *callOperatorOf(const Expr *Callable) {
  const CXXRecordDecl *Record =
      Callable->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition() || Record->isLambda())
    return nullptr;
  // A reference_wrapper<Worker> (std::ref(w)) calls Worker's operator().
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
      Spec && qualifiedName(Spec->getSpecializedTemplate()) == "std::reference_wrapper" &&
      Spec->getTemplateArgs().size() == 1)
    Record = Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return nullptr;
  for (const CXXMethodDecl *M : Record->getDefinition()->methods())
    if (M->getOverloadedOperator() == OO_Call && M->hasBody())
      return M;
  return nullptr;
}

/// std::ref(x) / std::cref(x) / boost::ref(x): the wrapped argument.
const Expr *refWrapperArgument(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(stripForwarding(E));
  if (!Call || Call->getNumArgs() != 1 || !Call->getDirectCallee())
    return nullptr;
  std::string Name = qualifiedName(Call->getDirectCallee());
  if (Name == "std::ref" || Name == "std::cref" || Name == "boost::ref" ||
      Name == "boost::cref")
    return Call->getArg(0);
  return nullptr;
}

/// The declaration an argument names: `db`, `&args`, `std::ref(w)`,
/// `this->db_`.
const ValueDecl *namedByArgument(const Expr *Arg) {
  const Expr *E = stripForwarding(Arg);
  if (const Expr *Wrapped = refWrapperArgument(E))
    E = stripForwarding(Wrapped);
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(E);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    E = stripForwarding(AddrOf->getSubExpr());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

/// An argument a spawn API hands to the task's callable: std::thread,
/// std::async and their kin copy it, so only std::ref, a pointer, a handle
/// or a shared_ptr shares the caller's object.
std::optional<std::pair<Place, Passing>>
copiedArgument(const Expr *Arg, const Frame &Spawner) {
  if (!Arg || isa<CXXDefaultArgExpr>(Arg))
    return std::nullopt;
  if (isStdMove(Arg))
    return std::make_pair(Place(), Passing::Moved);
  if (const Expr *Wrapped = refWrapperArgument(Arg)) {
    if (std::optional<Place> P = Spawner.placeOf(Wrapped))
      return std::make_pair(*P, Passing::Shared);
    return std::nullopt;
  }
  std::optional<Place> P = Spawner.placeOf(Arg);
  if (!P)
    return std::nullopt;
  QualType T = stripForwarding(Arg)->getType();
  bool Shared = T->isPointerType() || refersElsewhere(T, Spawner.types());
  return std::make_pair(*P, Shared ? Passing::Shared : Passing::Copied);
}

/// An argument bound to a parameter by an ordinary call (a coroutine call
/// handed to co_spawn): a reference or pointer parameter shares it.
std::optional<std::pair<Place, Passing>>
boundArgument(const Expr *Arg, QualType Param, const Frame &Spawner) {
  if (!Arg || isa<CXXDefaultArgExpr>(Arg))
    return std::nullopt;
  if (isStdMove(Arg) && !Param->isReferenceType())
    return std::make_pair(Place(), Passing::Moved);
  std::optional<Place> P = Spawner.placeOf(Arg);
  if (!P)
    return std::nullopt;
  bool Shared = Param->isReferenceType() || Param->isPointerType() ||
                refersElsewhere(Param, Spawner.types());
  return std::make_pair(*P, Shared ? Passing::Shared : Passing::Copied);
}

/// The strand a posted handler runs on: `post(strand_, f)`,
/// `post(ex, bind_executor(strand_, f))`.
std::optional<Place> strandOf(const SpawnSite &Site, const Frame &Spawner) {
  if (!isPostName(Site.Api))
    return std::nullopt;
  const auto *Call = dyn_cast<CallExpr>(Site.Call);
  if (!Call)
    return std::nullopt;
  for (const Expr *Arg : Call->arguments()) {
    if (isStrand(Arg->getType()))
      return Spawner.placeOf(Arg);
    if (const auto *Bind = dyn_cast<CallExpr>(stripForwarding(Arg));
        Bind && Bind->getDirectCallee() &&
        Bind->getDirectCallee()->getName() == "bind_executor" &&
        Bind->getNumArgs() > 0 && isStrand(Bind->getArg(0)->getType()))
      return Spawner.placeOf(Bind->getArg(0));
  }
  return std::nullopt;
}

/// The member directly under `this` that P goes through (`db_` of
/// this->db_, `repo_` of this->repo_.conn).
const ValueDecl *memberUnderThis(const Place &P) {
  if (P.root() != Place::Root::This || P.depth() == 0 ||
      P.step(0) == Place::elementStep())
    return nullptr;
  return static_cast<const FieldDecl *>(P.step(0));
}

/// A callable out of view (declared, not defined here): whatever it is
/// handed by pointer, handle or std::ref it may use.
void addOutOfView(llvm::ArrayRef<const Expr *> Arguments, const Frame &Spawner,
                  const Lockset &Extra, SummaryTable &T,
                  std::vector<TaskAccess> &Out) {
  for (const Expr *Arg : Arguments) {
    std::optional<std::pair<Place, Passing>> Bound = copiedArgument(Arg, Spawner);
    if (!Bound || Bound->second != Passing::Shared ||
        !T.isSessionLeaf(Bound->first.type()))
      continue;
    TaskAccess TA;
    TA.Use.Target = Bound->first;
    TA.Use.Where = Arg;
    TA.Use.Held = Extra;
    TA.Anchor = Arg->getExprLoc();
    TA.Named = namedByArgument(Arg);
    if (!TA.Named)
      TA.Named = Bound->first.decl();
    Out.push_back(std::move(TA));
  }
}

} // namespace

SourceLocation anchorOf(const Stmt *S) {
  if (!S)
    return SourceLocation();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getLocation();
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    return Member->getMemberLoc();
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    return Call->getExprLoc();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    return Construct->getLocation();
  if (const auto *E = dyn_cast<Expr>(S))
    return E->getExprLoc();
  return S->getBeginLoc();
}

std::vector<TaskAccess>
TaskModel::lambdaAccesses(const LambdaExpr *L, const Frame &Outer,
                          const Lockset &Extra, llvm::ArrayRef<const Expr *> Arguments) {
  std::vector<TaskAccess> Out;
  const CXXMethodDecl *Op = L->getCallOperator();
  if (!Op || !Op->hasBody())
    return Out;
  llvm::DenseMap<const VarDecl *, const LambdaCapture *> Captures;
  bool CapturesThis = false;
  for (const LambdaCapture &C : L->captures()) {
    if (C.capturesThis())
      CapturesThis = true;
    else if (C.capturesVariable())
      if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar()))
        Captures[V->getCanonicalDecl()] = &C;
  }
  // A reference: a summary never changes once the outermost
  // SummaryTable::of() that computed it has returned, and those computed
  // below are stored apart (Summaries.h).
  const Summary &S = T.of(Op);
  // The anchor and the name of the last root mapped.
  SourceLocation Anchor;
  const ValueDecl *Named = nullptr;
  const Stmt *Where = nullptr;
  auto Map = [&](const Place &Root) -> std::optional<std::pair<Place, Passing>> {
    switch (Root.root()) {
    case Place::Root::This:
      if (!CapturesThis)
        return std::nullopt;
      Anchor = anchorOf(Where);
      return std::make_pair(Root, Passing::Shared);
    case Place::Root::Var: {
      const VarDecl *V = Root.rootVar();
      if (V->hasGlobalStorage()) {
        Anchor = anchorOf(Where);
        Named = V;
        // `g_conn = &c;` in the spawner: the task's `*g_conn` is c.
        return std::make_pair(Outer.placeOfVar(V), Passing::Shared);
      }
      if (V->isInitCapture()) {
        const Expr *Init = V->getInit();
        if (!Init || isStdMove(Init))
          return std::make_pair(Place(), Passing::Moved);
        std::optional<Place> P = Outer.placeOf(Init);
        if (!P)
          return std::nullopt;
        Anchor = V->getLocation();
        Named = P->decl() ? P->decl() : V;
        bool Shared = V->getType()->isReferenceType() ||
                      refersElsewhere(V->getType(), T.types());
        return std::make_pair(*P, Shared ? Passing::Shared : Passing::Copied);
      }
      if (auto It = Captures.find(V->getCanonicalDecl()); It != Captures.end()) {
        Anchor = It->second->getLocation();
        Named = V;
        // A copy of a pointer, a handle or a shared_ptr still points at the
        // one object.
        bool Shared = It->second->getCaptureKind() == LCK_ByRef ||
                      refersElsewhere(V->getType(), T.types());
        return std::make_pair(Outer.placeOfVar(V),
                              Shared ? Passing::Shared : Passing::Copied);
      }
      if (const auto *Param = dyn_cast<ParmVarDecl>(V);
          Param && Param->getDeclContext() == Op) {
        unsigned Index = Param->getFunctionScopeIndex();
        if (Index >= Arguments.size() || !Arguments[Index])
          return std::nullopt;
        Anchor = Arguments[Index]->getExprLoc();
        Named = namedByArgument(Arguments[Index]);
        return copiedArgument(Arguments[Index], Outer);
      }
      return std::nullopt;
    }
    default:
      return std::nullopt;
    }
  };
  auto Add = [&](const Access &A, SourceLocation FallbackAnchor) {
    Anchor = SourceLocation();
    Named = nullptr;
    Where = A.Where;
    std::optional<Place> P = T.translate(A.Target, Map, Outer);
    if (!P || !T.isSessionLeaf(P->type()))
      return;
    TaskAccess TA;
    TA.Use = A;
    TA.Use.Target = *P;
    TA.Anchor = Anchor.isValid() ? Anchor : FallbackAnchor;
    TA.Named = Named ? Named : memberUnderThis(*P);
    // A member of a global (a singleton's connection) is named by itself.
    if (!TA.Named || (P->rootVar() && P->rootVar()->hasGlobalStorage() && P->depth() > 0))
      TA.Named = P->decl();
    TA.Use.Held = T.translate(A.Held, [&](const Place &Root) {
      Where = A.Where;
      return Map(Root);
    }, Outer);
    unite(TA.Use.Held, Extra);
    Out.push_back(std::move(TA));
  };
  for (const Access &A : S.Accesses)
    Add(A, anchorOf(A.Where));
  // What the tasks it starts reach is reached while it runs, too.
  for (const EscapingTask &Task : S.Tasks)
    for (const TaskAccess &A : Task.Reach)
      Add(A.Use, A.Anchor);
  return Out;
}

void TaskModel::addFunction(const FunctionDecl *Def, const Expr *Anchor,
                            std::optional<std::pair<Place, Passing>> Self,
                            const Expr *SelfAnchor,
                            llvm::ArrayRef<const Expr *> Arguments,
                            bool CopiesArguments, const Frame &Spawner,
                            const Lockset &Extra, std::vector<TaskAccess> &Out) {
  const Summary &S = T.of(Def);
  SourceLocation At;
  const ValueDecl *Named = nullptr;
  auto Map = [&](const Place &Root) -> std::optional<std::pair<Place, Passing>> {
    switch (Root.root()) {
    case Place::Root::This:
      if (!Self)
        return std::nullopt;
      At = (SelfAnchor ? SelfAnchor : Anchor)->getExprLoc();
      return Self;
    case Place::Root::Var: {
      const VarDecl *V = Root.rootVar();
      if (V->hasGlobalStorage()) {
        At = Anchor->getExprLoc();
        Named = V;
        return std::make_pair(Spawner.placeOfVar(V), Passing::Shared);
      }
      const auto *Param = dyn_cast<ParmVarDecl>(V);
      if (!Param || Param->getDeclContext() != Def)
        return std::nullopt;
      unsigned Index = Param->getFunctionScopeIndex();
      if (Index >= Arguments.size() || !Arguments[Index])
        return std::nullopt;
      At = Arguments[Index]->getExprLoc();
      Named = namedByArgument(Arguments[Index]);
      return CopiesArguments
                 ? copiedArgument(Arguments[Index], Spawner)
                 : boundArgument(Arguments[Index], Param->getType(), Spawner);
    }
    default:
      return std::nullopt;
    }
  };
  auto Add = [&](const Access &A) {
    At = SourceLocation();
    Named = nullptr;
    std::optional<Place> P = T.translate(A.Target, Map, Spawner);
    if (!P || !T.isSessionLeaf(P->type()))
      return;
    TaskAccess TA;
    TA.Use = A;
    TA.Use.Target = *P;
    TA.Anchor = At.isValid() ? At : Anchor->getExprLoc();
    TA.Named = Named ? Named : (memberUnderThis(A.Target) ? memberUnderThis(A.Target)
                                                          : P->decl());
    if (P->rootVar() && P->rootVar()->hasGlobalStorage() && P->depth() > 0)
      TA.Named = P->decl();
    TA.Use.Held = T.translate(A.Held, Map, Spawner);
    unite(TA.Use.Held, Extra);
    Out.push_back(std::move(TA));
  };
  for (const Access &A : S.Accesses)
    Add(A);
  for (const EscapingTask &Task : S.Tasks)
    for (const TaskAccess &A : Task.Reach)
      Add(A.Use);
}

void TaskModel::addRegion(const SpawnSite &Site, const Frame &Spawner,
                          std::vector<TaskAccess> &Out) {
  const CapturedDecl *Inside = Site.Region->getCapturedDecl();
  Summary S = T.summariseStatement(Spawner.function(), Site.Region->getCapturedStmt());
  auto DeclaredInside = [&](const VarDecl *V) {
    for (const DeclContext *DC = V->getDeclContext(); DC; DC = DC->getParent())
      if (DC == Inside)
        return true;
    return false;
  };
  for (const Access &A : S.Accesses) {
    // A task one thread of the team starts inside the region (`single`
    // then `omp task`) runs once and is judged at its own spawn; one that
    // every thread starts runs as often as the region's body.
    if (A.ByTask && A.ByTask != Site.Call && T.spawnAt(A.ByTask) &&
        llvm::is_contained(A.Held, Place::key(A.ByTask)))
      continue;
    const Place &P = A.Target;
    if (const VarDecl *V = P.rootVar()) {
      if (!V->hasGlobalStorage() &&
          (DeclaredInside(V) ||
           llvm::any_of(Site.RegionPrivate, [&](const ValueDecl *D) {
             return D->getCanonicalDecl() == V->getCanonicalDecl();
           })))
        continue; // Each thread has its own.
    } else if (P.root() != Place::Root::This) {
      continue;
    }
    TaskAccess TA;
    TA.Use = A;
    TA.Anchor = anchorOf(A.Where);
    TA.Named = P.root() == Place::Root::This ? memberUnderThis(P) : P.rootVar();
    if (!TA.Named)
      TA.Named = P.decl();
    Out.push_back(std::move(TA));
  }
}

void TaskModel::addCallable(const Expr *Callable, llvm::ArrayRef<const Expr *> Arguments,
                            const Frame &Spawner, const Lockset &Extra,
                            std::vector<TaskAccess> &Out) {
  if (const LambdaExpr *L = lambdaOf(Callable)) {
    for (TaskAccess &A : lambdaAccesses(L, Spawner, Extra, Arguments))
      Out.push_back(std::move(A));
    return;
  }
  if (const CXXMethodDecl *Method = memberFunctionPointer(Callable)) {
    // std::thread(&Worker::run, this): run's `this` is the first argument.
    if (Arguments.empty())
      return;
    // A virtual one (`std::thread(&Base::threadedFunction, this)` in a
    // project's own thread base class) runs the overriders too.
    llvm::SmallVector<const FunctionDecl *, 2> Defs;
    if (const FunctionDecl *Def = T.definitionOf(Method))
      Defs.push_back(Def);
    if (Method->isVirtual())
      for (const CXXMethodDecl *Overrider : T.overridersOf(Method))
        if (const FunctionDecl *Def = T.definitionOf(Overrider))
          Defs.push_back(Def);
    for (const FunctionDecl *Def : Defs)
      addFunction(Def, Callable, copiedArgument(Arguments[0], Spawner), Arguments[0],
                  Arguments.drop_front(), /*CopiesArguments=*/true, Spawner, Extra, Out);
    if (Defs.empty())
      addOutOfView(Arguments, Spawner, Extra, T, Out);
    return;
  }
  if (const FunctionDecl *F = namedFunction(Callable)) {
    if (const FunctionDecl *Def = T.definitionOf(F))
      addFunction(Def, Callable, std::nullopt, nullptr, Arguments,
                  /*CopiesArguments=*/true, Spawner, Extra, Out);
    else
      addOutOfView(Arguments, Spawner, Extra, T, Out);
    return;
  }
  const Expr *Stripped = stripForwarding(Callable);
  if (const auto *Call = dyn_cast<CallExpr>(Stripped)) {
    // co_spawn(ex, progress(db), detached): the coroutine's parameters
    // alias the caller's objects for the whole run.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (const LambdaExpr *L = lambdaOf(Op->getArg(0))) {
        llvm::SmallVector<const Expr *, 4> Args(llvm::drop_begin(Op->arguments()));
        for (TaskAccess &A : lambdaAccesses(L, Spawner, Extra, Args))
          Out.push_back(std::move(A));
        return;
      }
    }
    llvm::SmallVector<const Expr *, 4> Args(Call->arguments());
    std::optional<std::pair<Place, Passing>> Self;
    const Expr *SelfAnchor = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      SelfAnchor = Member->getImplicitObjectArgument();
      if (std::optional<Place> P = Spawner.placeOf(SelfAnchor))
        Self = std::make_pair(*P, Passing::Shared);
    } else if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee)) {
      SelfAnchor = Args.front();
      if (std::optional<Place> P = Spawner.placeOf(SelfAnchor))
        Self = std::make_pair(*P, Passing::Shared);
      Args.erase(Args.begin());
    }
    if (const FunctionDecl *Def = T.definitionOf(Callee)) {
      addFunction(Def, Call, Self, SelfAnchor, Args, /*CopiesArguments=*/false,
                  Spawner, Extra, Out);
      return;
    }
    // A coroutine out of view: whatever it gets by reference it may use.
    for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
      std::optional<std::pair<Place, Passing>> Bound =
          boundArgument(Args[I], Callee->getParamDecl(I)->getType(), Spawner);
      if (!Bound || Bound->second != Passing::Shared ||
          !T.isSessionLeaf(Bound->first.type()))
        continue;
      TaskAccess TA;
      TA.Use.Target = Bound->first;
      TA.Use.Where = Args[I];
      TA.Use.Held = Extra;
      TA.Anchor = Args[I]->getExprLoc();
      TA.Named = namedByArgument(Args[I]);
      if (!TA.Named)
        TA.Named = Bound->first.decl();
      Out.push_back(std::move(TA));
    }
    return;
  }
  if (const CXXMethodDecl *Op = callOperatorOf(Stripped)) {
    // A function object: its operator() runs on a copy of it (or on the
    // object itself, through std::ref).
    std::optional<std::pair<Place, Passing>> Self;
    if (const Expr *Wrapped = refWrapperArgument(Callable)) {
      if (std::optional<Place> P = Spawner.placeOf(Wrapped))
        Self = std::make_pair(*P, Passing::Shared);
    } else if (std::optional<Place> P = Spawner.placeOf(Callable)) {
      Self = std::make_pair(*P, P->root() == Place::Root::Temp ? Passing::Copied
                                                                : Passing::Copied);
    }
    if (const FunctionDecl *Def = T.definitionOf(Op))
      addFunction(Def, Callable, Self, Callable, Arguments,
                  /*CopiesArguments=*/true, Spawner, Extra, Out);
    else
      addOutOfView(Arguments, Spawner, Extra, T, Out);
    return;
  }
  // A callable of a type we cannot see into (std::function, a function
  // pointer variable): its arguments may be used.
  addOutOfView(Arguments, Spawner, Extra, T, Out);
}

void TaskModel::addEntry(const SpawnSite &Site, const Frame &Spawner,
                         const Lockset &Extra, std::vector<TaskAccess> &Out) {
  // A thread class's run() runs on the object start() was called on (or
  // the runnable handed to it): that object itself, not a copy.
  const FunctionDecl *Def = T.definitionOf(Site.Entry);
  if (!Def)
    return;
  std::optional<std::pair<Place, Passing>> Self;
  if (std::optional<Place> P = Spawner.placeOf(Site.EntryObject))
    Self = std::make_pair(*P, Passing::Shared);
  addFunction(Def, Site.EntryObject, Self, Site.EntryObject, {},
              /*CopiesArguments=*/false, Spawner, Extra, Out);
}

llvm::SmallVector<ParamRun, 1> TaskModel::paramRuns(const SpawnSite &Site,
                                                    const Frame &Spawner) {
  llvm::SmallVector<ParamRun, 1> Out;
  for (const Expr *Callable : Site.Callables) {
    // What a parameter holds is the caller's to say; a lambda or a
    // function is already followed by reachOf.
    const ParmVarDecl *Param = callableParameter(Callable, Spawner.function());
    if (!Param)
      continue;
    ParamRun Run;
    Run.Callable = Param->getFunctionScopeIndex();
    for (const Expr *Arg : Site.Arguments)
      Run.Arguments.push_back(parameterIndex(Arg, Spawner.function()));
    Out.push_back(std::move(Run));
  }
  return Out;
}

const std::vector<TaskAccess> &TaskModel::reachOf(const SpawnSite &Site,
                                                  const Frame &Spawner) {
  auto It = T.ReachCache.find(Site.Call);
  if (It != T.ReachCache.end())
    return *It->second;
  std::vector<TaskAccess> Out;
  Lockset Extra;
  if (std::optional<Place> Strand = strandOf(Site, Spawner))
    Extra.push_back(*Strand);
  for (unsigned I = 0; I < Site.Callables.size(); ++I) {
    const Expr *Callable = Site.Callables[I];
    Lockset Held = Extra;
    // Each of several functions run side by side (tbb::parallel_invoke)
    // runs once, and a reduce function one call at a time: their own uses
    // do not overlap each other.
    if (Site.CallablesRunOnce || I >= Site.SerialFrom)
      Held.push_back(Place::key(Callable));
    addCallable(Callable, Site.Arguments, Spawner, Held, Out);
  }
  if (Site.Entry)
    addEntry(Site, Spawner, Extra, Out);
  if (Site.Region)
    addRegion(Site, Spawner, Out);
  auto &Slot = T.ReachCache[Site.Call];
  Slot = std::make_unique<std::vector<TaskAccess>>(std::move(Out));
  return *Slot;
}

} // namespace sessionlint
