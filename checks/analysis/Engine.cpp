#include "Engine.h"
#include "CompilerErrors.h"
#include "Conflicts.h"
#include "Names.h"
#include "Parents.h"
#include "Walk.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace sessionlint {

namespace {

/// Whether D is declared in a header of the system.
bool inSystemHeader(const Decl *D) {
  return D->getASTContext().getSourceManager().isInSystemHeader(D->getLocation());
}

/// The errors of Function's own body: recovery nodes, invalid declarations,
/// references to declarations that did not compile, compiler errors inside
/// it. With Callees, also those of the bodies of the user functions it
/// calls, one level down: a broken joining helper or locking helper leaves
/// its caller's join or lock unknown.
bool bodyHasErrors(const Decl *Function, bool Callees) {
  if (!Function || Function->isInvalidDecl())
    return true;
  if (compilerErrorAt(*Function))
    return true;
  // Clang reports an error for every recovery node and invalid declaration
  // it makes: in a file that compiled without one, no body is broken. Not
  // so when declarations were read from a precompiled preamble (clangd),
  // header or module, whose errors were reported when it was built.
  const ASTContext &Ctx = Function->getASTContext();
  if (compiledCleanly(Ctx) && Ctx.getSourceManager().loaded_sloc_entry_size() == 0)
    return false;
  // Broken callees leave errors behind: when none was reported, do not
  // walk every callee's body at every call. (Bodies read from a preamble
  // were skipped, and a PCH or module with errors is not written.)
  Callees = Callees && !compiledCleanly(Ctx);
  auto Broken = [&](const Decl *D) {
    if (!D)
      return false;
    if (D->isInvalidDecl())
      return true;
    if (Callees && isa<FunctionDecl>(D) && !inSystemHeader(D) && compilerErrorAt(*D))
      return true;
    const auto *F = dyn_cast<FunctionDecl>(D);
    const FunctionDecl *Def = nullptr;
    return Callees && F && F->hasBody(Def) && Def != Function && !inSystemHeader(Def) &&
           bodyHasErrors(Def, /*Callees=*/false);
  };
  auto BrokenType = [](QualType T) {
    const CXXRecordDecl *Record = T.getNonReferenceType()->getPointeeCXXRecordDecl();
    if (!Record)
      Record = T.getNonReferenceType()->getAsCXXRecordDecl();
    return Record && Record->isInvalidDecl();
  };
  // clangd runs us on half-typed code: a body with recovery nodes is not
  // worth a guess. Nor is one that declares something invalid: with its
  // mutex undeclared, `std::scoped_lock lock(m);` is an invalid function
  // declaration, not a lock, and leaves no recovery expression behind.
  return !walk(Function->getBody(), [&](const Stmt *S) {
    if (isa<RecoveryExpr>(S) ||
        (isa<Expr>(S) && cast<Expr>(S)->containsErrors()))
      return Step::Stop;
    if (const auto *Decls = dyn_cast<DeclStmt>(S))
      for (const Decl *D : Decls->decls())
        if (D->isInvalidDecl() ||
            (isa<ValueDecl>(D) && BrokenType(cast<ValueDecl>(D)->getType())))
          return Step::Stop;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S);
        Lambda && Lambda->getCallOperator()->isInvalidDecl())
      return Step::Stop;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Broken(Ref->getDecl()))
      return Step::Stop;
    if (const auto *Member = dyn_cast<MemberExpr>(S);
        Member && (Broken(Member->getMemberDecl()) || BrokenType(Member->getBase()->getType())))
      return Step::Stop;
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && Broken(Call->getDirectCallee()))
      return Step::Stop;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S);
        Construct && (Broken(Construct->getConstructor()) || BrokenType(Construct->getType())))
      return Step::Stop;
    return Step::Descend;
  });
}

} // namespace

bool hasErrors(const Decl *Function) { return bodyHasErrors(Function, /*Callees=*/true); }

Engine::Engine(ASTContext &Ctx, SessionTypeClassifier &Types, JoinFinder &Joins)
    : Ctx(Ctx), Types(Types), Joins(Joins),
      Table(std::make_unique<SummaryTable>(Ctx, Types, Joins, Sites)) {}

Engine::~Engine() = default;

namespace {

/// Whether Site posts to an io_context that only Function itself runs: a
/// local io_context named nowhere but in posts to it and in the calls that
/// run or stop it. Its handlers then run inside this thread's own `run()`,
/// one at a time, never beside the code that posted them.
bool postedToOwnLoop(const Decl *Function, const SpawnSite &Site) {
  const VarDecl *Io = Site.Handle;
  if (!Io || !Io->isLocalVarDecl() || Io->getType()->isReferenceType() ||
      (!isPostName(Site.Api) && !Site.PostsToContext))
    return false;
  const CXXRecordDecl *Record = Io->getType()->getAsCXXRecordDecl();
  if (!Record || !isExecutionContextName(qualifiedName(Record)) ||
      Record->getName() != "io_context")
    return false;
  llvm::SmallPtrSet<const Expr *, 8> Allowed;
  walk(Function->getBody(), [&](const Stmt *S) {
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && Call->getNumArgs() > 0 &&
        executionContextOf(Call->getArg(0)) == Io)
      Allowed.insert(stripForwarding(Call->getArg(0)));
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *M = Member->getMethodDecl();
      if (M && M->getIdentifier() &&
          llvm::is_contained({llvm::StringRef("run"), llvm::StringRef("run_one"),
                              llvm::StringRef("poll"), llvm::StringRef("poll_one"),
                              llvm::StringRef("restart"), llvm::StringRef("stop"),
                              llvm::StringRef("get_executor")},
                             M->getName()))
        Allowed.insert(Member->getImplicitObjectArgument()->IgnoreParenImpCasts());
    }
    return Step::Descend;
  });
  return walk(Function->getBody(), [&](const Stmt *S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == Io &&
        !Allowed.contains(Ref) && !Allowed.contains(stripForwarding(Ref)))
      return Step::Stop;
    if (const auto *Get = dyn_cast<CXXMemberCallExpr>(S); Get && Allowed.contains(Get))
      return Step::Skip;
    return Step::Descend;
  });
}

} // namespace

namespace {

/// The object whose member function, one of Methods, is the last statement
/// of Body (or of a block that ends it), as a variable of Outer's frame:
/// the task's own capture of it, or the argument its parameter was bound
/// to.
const VarDecl *calledLast(const Stmt *Body, llvm::ArrayRef<const Expr *> Arguments,
                          llvm::ArrayRef<llvm::StringRef> Methods) {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  if (!Block || Block->body_empty())
    return nullptr;
  const Stmt *Last = Block->body_back();
  if (const auto *Return = dyn_cast<ReturnStmt>(Last); Return && !Return->getRetValue() &&
                                                        Block->size() > 1)
    Last = *(Block->body_end() - 2);
  // `{ std::lock_guard lk(m); done = true; cv.notify_one(); }` last.
  if (isa<CompoundStmt>(Last))
    return calledLast(Last, Arguments, Methods);
  const auto *Call = dyn_cast<CXXMemberCallExpr>(Last);
  const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
  if (!M || !M->getIdentifier() || !llvm::is_contained(Methods, M->getName()))
    return nullptr;
  const VarDecl *Promise = namedVar(Call->getImplicitObjectArgument());
  if (const auto *Param = dyn_cast_or_null<ParmVarDecl>(Promise)) {
    unsigned Index = Param->getFunctionScopeIndex();
    if (Index >= Arguments.size())
      return nullptr;
    const Expr *Arg = stripForwarding(Arguments[Index]);
    if (const auto *AddrOf = dyn_cast<UnaryOperator>(Arg); AddrOf && AddrOf->getOpcode() == UO_AddrOf)
      Arg = AddrOf->getSubExpr();
    if (const auto *Ref = dyn_cast<CallExpr>(Arg); Ref && Ref->getNumArgs() == 1 &&
                                                   Ref->getDirectCallee() &&
                                                   Ref->getDirectCallee()->getName() == "ref")
      Arg = Ref->getArg(0);
    Promise = namedVar(Arg);
  }
  return Promise;
}

/// The promise Body makes ready as the last thing it does.
const VarDecl *promiseSetLast(const Stmt *Body, llvm::ArrayRef<const Expr *> Arguments) {
  return calledLast(Body, Arguments,
                    {"set_value", "set_exception", "set_value_at_thread_exit"});
}

/// The condition variable Body notifies as the last thing it does (after
/// setting the flag its waiter checks).
const VarDecl *notifiedLast(const Stmt *Body, llvm::ArrayRef<const Expr *> Arguments) {
  const VarDecl *Cv = calledLast(Body, Arguments, {"notify_one", "notify_all"});
  const CXXRecordDecl *Record =
      Cv ? Cv->getType().getNonReferenceType()->getAsCXXRecordDecl() : nullptr;
  return Record && isConditionVariableName(qualifiedName(Record)) ? Cv : nullptr;
}

/// `auto done = p.get_future();` in Function for the promise P.
const VarDecl *futureOf(const Decl *Function, const VarDecl *Promise) {
  const VarDecl *Future = nullptr;
  walk(Function->getBody(), [&](const Stmt *S) {
    if (const auto *Decls = dyn_cast<DeclStmt>(S))
      for (const Decl *D : Decls->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit())
          if (const auto *Get = dyn_cast<CXXMemberCallExpr>(stripForwarding(V->getInit()));
              Get && Get->getMethodDecl() && Get->getMethodDecl()->getIdentifier() &&
              Get->getMethodDecl()->getName() == "get_future" &&
              namedVar(Get->getImplicitObjectArgument()) == Promise) {
            Future = V;
            return Step::Stop;
          }
    return Step::Descend;
  });
  return Future;
}

/// What the task waits for before anything else: `ready.wait()` on a
/// latch or condition variable, `sem.acquire()`, `go.arrive_and_wait()`,
/// `start.wait()` / `get()` on a future of a promise of this function (or
/// `p.get_future().wait()`), among the first two statements of its body.
const VarDecl *startGateOf(const Decl *Function, const SpawnSite &Site) {
  auto GateOf = [&](const Stmt *S) -> const VarDecl * {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
    const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
    if (!M || !M->getIdentifier() ||
        !llvm::is_contained({llvm::StringRef("wait"), llvm::StringRef("acquire"),
                             llvm::StringRef("arrive_and_wait"), llvm::StringRef("get")},
                            M->getName()))
      return nullptr;
    std::string Class = qualifiedName(M->getParent());
    const Expr *Object = stripForwarding(Call->getImplicitObjectArgument());
    if (Class == "std::future" || Class == "std::shared_future") {
      // p.get_future().wait(), or a future taken from p here.
      if (const auto *Get = dyn_cast<CXXMemberCallExpr>(Object);
          Get && Get->getMethodDecl() && Get->getMethodDecl()->getIdentifier() &&
          Get->getMethodDecl()->getName() == "get_future")
        return namedVar(Get->getImplicitObjectArgument());
      const VarDecl *Future = namedVar(Object);
      const Expr *Init = Future ? Future->getInit() : nullptr;
      for (unsigned Hop = 0; Init && Hop < 3; ++Hop) {
        const auto *Member = dyn_cast<CXXMemberCallExpr>(stripForwarding(Init));
        if (!Member || !Member->getMethodDecl() || !Member->getMethodDecl()->getIdentifier())
          return nullptr;
        if (Member->getMethodDecl()->getName() == "get_future")
          return namedVar(Member->getImplicitObjectArgument());
        // `p.get_future().share()`.
        Init = Member->getImplicitObjectArgument();
      }
      return nullptr;
    }
    if (Class == "std::latch" || Class == "std::barrier" ||
        Class == "std::counting_semaphore" || Class == "std::binary_semaphore" ||
        Class == "std::condition_variable" || Class == "std::condition_variable_any" ||
        Class == "boost::latch" || Class == "boost::condition_variable")
      return namedVar(Object);
    return nullptr;
  };
  for (const Expr *Callable : Site.Callables) {
    const LambdaExpr *L = lambdaOf(Callable);
    const auto *Block = L ? dyn_cast_or_null<CompoundStmt>(L->getBody()) : nullptr;
    if (!Block)
      continue;
    unsigned Seen = 0;
    for (const Stmt *S : Block->body()) {
      if (++Seen > 2)
        break;
      if (const VarDecl *Gate = GateOf(S); Gate && Gate->isLocalVarDecl() &&
                                           Decl::castFromDeclContext(Gate->getDeclContext()) == Function)
        return Gate;
    }
  }
  return nullptr;
}

/// The future Site's task makes ready as the last thing it does, or the
/// condition variable of this function it notifies last: waiting for
/// either joins the task, as far as its sessions go.
const VarDecl *doneFutureOf(const Decl *Function, const SpawnSite &Site) {
  for (const Expr *Callable : Site.Callables) {
    const Stmt *Body = nullptr;
    llvm::ArrayRef<const Expr *> Arguments;
    if (const LambdaExpr *L = lambdaOf(Callable)) {
      Body = L->getBody();
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(stripForwarding(Callable))) {
      if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()); F && F->hasBody()) {
        Body = F->getBody();
        Arguments = Site.Arguments;
      }
    }
    if (const VarDecl *Promise = promiseSetLast(Body, Arguments))
      if (const VarDecl *Future = futureOf(Function, Promise))
        return Future;
    if (const VarDecl *Cv = notifiedLast(Body, Arguments);
        Cv && Cv->isLocalVarDecl() &&
        Decl::castFromDeclContext(Cv->getDeclContext()) == Function)
      return Cv;
  }
  return nullptr;
}

} // namespace

const VarDecl *Engine::guardOf(const Decl *Function, const SpawnSite &Site) {
  auto [It, Inserted] = Guards.try_emplace(Function);
  if (Inserted)
    walk(Function->getBody(), [&](const Stmt *S) {
      if (isa<LambdaExpr>(S))
        return Step::Skip;
      if (const auto *Decls = dyn_cast<DeclStmt>(S))
        for (const Decl *D : Decls->decls())
          if (const auto *V = dyn_cast<VarDecl>(D);
              V && V->isLocalVarDecl() && !V->getType()->isReferenceType() && V->getInit())
            if (const auto *Construct = dyn_cast<CXXConstructExpr>(stripForwarding(V->getInit()));
                Construct && Construct->getNumArgs() > 0 &&
                Joins.destructorJoins(Construct->getType()->getAsCXXRecordDecl()))
              It->second.push_back({V, Construct});
      return Step::Descend;
    });
  for (const auto &[Guard, Construct] : It->second)
    for (const Expr *Arg : Construct->arguments())
      if (stripForwarding(Arg) == Site.Call || (Site.Handle && namedVar(Arg) == Site.Handle))
        return Guard;
  return nullptr;
}

void Engine::addSite(const Decl *Function, SpawnSite Site) {
  if (postedToOwnLoop(Function, Site))
    return;
  if (!Site.SelfOverlapping && !Site.Region) {
    Site.DoneFuture = doneFutureOf(Function, Site);
    Site.StartGate = startGateOf(Function, Site);
  }
  // A handler posted to a context this function was handed runs on the
  // caller's threads, unless this function runs or joins the context.
  if (isPostName(Site.Api) && handedNotJoined(Function, Site.Handle)) {
    Site.ContextParam = cast<ParmVarDecl>(Site.Handle);
    Site.Handle = nullptr;
    Site.Joins = JoinKind::Never;
  }
  // A joining guard built from the handle ends the task with its scope.
  if (!Site.HandleField && !Site.SelfOverlapping && !Site.Region &&
      (Site.Handle || Site.Joins == JoinKind::Never) && !Site.DetachedAt)
    if (const VarDecl *Guard = guardOf(Function, Site)) {
      Site.Handle = Guard;
      Site.Joins = JoinKind::AtScopeEnd;
    }
  // A local object whose destructor joins what it started (a
  // Poco::Activity, a thread class of ours) ends the task with its scope.
  if (Site.Joins == JoinKind::Explicit && Site.Handle && !Site.HandleField &&
      joinsAtScopeEnd(Site.Handle))
    Site.Joins = JoinKind::AtScopeEnd;
  const Stmt *Call = Site.Call;
  if (!Sites.try_emplace(Call, std::move(Site)).second)
    return; // With SpawnFunctions, a call can match two matchers.
  ByFunction[Function].push_back(Call);
}

void Engine::addFunction(const FunctionDecl *Function) {
  Functions.push_back(Function);
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
    Table->addOverrider(Method);
}

const llvm::SmallVector<const Decl *, 2> &Engine::callersOf(const Decl *F) {
  if (!Callers) {
    Callers.emplace();
    auto Add = [&](const FunctionDecl *Callee, const Decl *Caller) {
      if (const FunctionDecl *Def = Table->definitionOf(Callee)) {
        auto &List = (*Callers)[Def];
        if (!llvm::is_contained(List, Caller))
          List.push_back(Caller);
      }
    };
    // Lambdas' calls are their call operators'.
    llvm::SmallVector<std::pair<const Stmt *, const Decl *>, 16> Bodies;
    for (const FunctionDecl *Function : Functions)
      Bodies.push_back({Function->getBody(), Function});
    while (!Bodies.empty()) {
      auto [Body, Caller] = Bodies.pop_back_val();
      walk(Body, [&](const Stmt *S) {
        if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
          Bodies.push_back({Lambda->getBody(), Lambda->getCallOperator()});
          return Step::Skip;
        }
        if (const auto *Call = dyn_cast<CallExpr>(S))
          Add(Call->getDirectCallee(), Caller);
        else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
          Add(Construct->getConstructor(), Caller);
        return Step::Descend;
      });
    }
  }
  static const llvm::SmallVector<const Decl *, 2> None;
  auto It = Callers->find(F);
  return It == Callers->end() ? None : It->second;
}

const std::vector<TaskAccess> &Engine::reachOf(const Decl *Function,
                                               const SpawnSite &Site) {
  return TaskModel(*Table).reachOf(Site, Table->frameOf(Function));
}

FunctionOrdering *Engine::orderingOf(const Decl *Function) {
  auto [It, Inserted] = Orderings.try_emplace(Function);
  if (Inserted)
    It->second = FunctionOrdering::build(Function, Ctx, Joins);
  return It->second.get();
}

bool Engine::joinsAtScopeEnd(const VarDecl *Handle) {
  if (!Handle->isLocalVarDecl() || Handle->getType()->isReferenceType() ||
      Handle->getType()->isPointerType())
    return false;
  return Joins.destructorJoins(Handle->getType()->getAsCXXRecordDecl());
}

void Engine::addHelperSites(const Decl *Function) {
  const Summary &S = Table->of(Function);
  for (const auto &[Call, Task] : S.HelperSpawns) {
    auto Site = std::make_unique<SpawnSite>();
    Site->Call = Call;
    Site->Api = Task.Api;
    Site->HelperSpawn = Task.Origin;
    Site->HelperRunsCallerCode = Task.RunsCallerCode;
    Site->HelperQueues = Task.Queued;
    Site->Joins = JoinKind::Never;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call)) {
      // `Cache c;` whose constructor starts a thread kept in a member: the
      // object is the handle (a member function, or its destructor, joins).
      const VarDecl *Built = initializedVariable(Construct, Ctx);
      if (Built && !Built->getType()->isReferenceType()) {
        Site->Handle = Built;
        Site->Joins = joinsAtScopeEnd(Built) ? JoinKind::AtScopeEnd : JoinKind::Explicit;
      }
    } else if (Task.HandleParam) {
      // The helper stored the handle in the argument: joined through it.
      if (const auto *CallE = dyn_cast<CallExpr>(Call);
          CallE && *Task.HandleParam < CallE->getNumArgs()) {
        const Expr *Arg = CallE->getArg(*Task.HandleParam);
        Site->Handle = namedVar(Arg);
        if (const auto *AddrOf = dyn_cast<UnaryOperator>(stripForwarding(Arg));
            !Site->Handle && AddrOf && AddrOf->getOpcode() == UO_AddrOf)
          Site->Handle = namedVar(AddrOf->getSubExpr());
        if (Site->Handle)
          Site->Joins = Task.ReturnedJoins;
        // A handler posted to the context passed here: joined as a post to
        // it would be (SpawnApis.cpp), a local context at its scope's end.
        if (Site->Handle && Task.PostedToContext) {
          Site->PostsToContext = true;
          if (ownsContext(Site->Handle))
            Site->Joins = JoinKind::AtScopeEnd;
          // Handed to this function too and not joined here: the handler
          // runs on the caller's threads, as in addSite().
          else if (handedNotJoined(Function, Site->Handle)) {
            Site->Handle = nullptr;
            Site->Joins = JoinKind::Never;
          }
        }
      }
    } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
               Member && !Task.ReturnsHandle) {
      // `poller.startThread()`: the thread lives in the object; a member
      // function that joins it (`poller.waitForThread()`) joins the task.
      Site->Handle = namedVar(Member->getImplicitObjectArgument());
      if (Site->Handle)
        Site->Joins = joinsAtScopeEnd(Site->Handle) ? JoinKind::AtScopeEnd
                                                    : JoinKind::Explicit;
    } else if (Task.ReturnsHandle) {
      const VarDecl *Handle = nullptr;
      const Expr *DetachedAt = nullptr;
      switch (findDestination(Call, Ctx, Handle, DetachedAt)) {
      case Destination::Variable:
        Site->Handle = Handle;
        Site->Joins = Task.ReturnedJoins;
        break;
      case Destination::Detached:
        Site->DetachedAt = DetachedAt;
        break;
      case Destination::Discarded:
      case Destination::Awaited:
        // A discarded future joins at once, a discarded thread terminates.
        continue;
      case Destination::Returned:
        Site->Returned = true;
        Site->ReturnedJoins = Task.ReturnedJoins;
        break;
      case Destination::Elsewhere:
        break;
      }
    }
    if (Sites.count(Call) || postedToOwnLoop(Function, *Site))
      continue;
    Table->ReachCache[Call] = std::make_unique<std::vector<TaskAccess>>(Task.Reach);
    HelperSites.push_back(std::move(Site));
    Sites.try_emplace(Call, *HelperSites.back());
    ByFunction[Function].push_back(Call);
  }
}

bool Engine::handedNotJoined(const Decl *Function, const VarDecl *Context) {
  return Context && isa<ParmVarDecl>(Context) &&
         !Joins.bodyJoins(Function->getBody(), Context);
}

bool Engine::broken(const Decl *F) {
  auto [It, Inserted] = Broken.try_emplace(F, false);
  if (Inserted)
    It->second = hasErrors(F);
  return It->second;
}

std::vector<Finding> Engine::run() {
  std::vector<Finding> Out;
  // Functions that start tasks, and every caller of a function whose task
  // outlives it, transitively: those are the helpers' callers.
  llvm::SmallVector<const Decl *, 16> Work;
  llvm::SmallPtrSet<const Decl *, 16> Seen;
  for (const auto &[Function, Calls] : ByFunction)
    if (Seen.insert(Function).second)
      Work.push_back(Function);
  // Functions that hand a job to a worker thread a pool started elsewhere
  // (Submissions.h) start a task without a spawn site of their own.
  if (!ByFunction.empty())
    for (const FunctionDecl *F : Functions)
      if (SubmissionFinder::takesCallable(F) && !Table->submissions().of(F).empty() &&
          Seen.insert(F).second)
        Work.push_back(F);
  std::vector<const Decl *> Order(Work.begin(), Work.end());
  while (!Work.empty()) {
    const Decl *F = Work.pop_back_val();
    if (broken(F) || Table->of(F).Tasks.empty())
      continue;
    for (const Decl *Caller : callersOf(F))
      if (Seen.insert(Caller).second) {
        Work.push_back(Caller);
        Order.push_back(Caller);
      }
  }
  for (const Decl *F : Order) {
    if (broken(F))
      continue;
    addHelperSites(F);
  }
  for (const Decl *F : Order) {
    if (broken(F))
      continue;
    auto It = ByFunction.find(F);
    if (It == ByFunction.end())
      continue;
    llvm::SmallVector<const SpawnSite *, 4> FunctionSites;
    for (const Stmt *Call : It->second)
      FunctionSites.push_back(&Sites.find(Call)->second);
    analyse(F, FunctionSites, Out);
  }
  return Out;
}

namespace {

/// `Conn db_ GUARDED_BY(mu_);`: clang's -Wthread-safety checks that every
/// access holds mu_, so no two accesses overlap.
bool provedByThreadSafetyAnalysis(const ValueDecl *D) {
  return D && (D->hasAttr<GuardedByAttr>() || D->hasAttr<PtGuardedByAttr>());
}

} // namespace

void Engine::analyse(const Decl *Function, llvm::ArrayRef<const SpawnSite *> FunctionSites,
                     std::vector<Finding> &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const SpawnSite *Site : FunctionSites) {
    const std::vector<TaskAccess> &Reach = reachOf(Function, *Site);
    // One finding per session, in source order of where the task first
    // obtains it.
    llvm::MapVector<Place, std::vector<TaskAccess>> BySession;
    for (const TaskAccess &A : Reach)
      BySession[A.Use.Target].push_back(A);
    std::vector<std::pair<Place, std::vector<TaskAccess>>> Sessions(
        BySession.begin(), BySession.end());
    for (auto &[P, Uses] : Sessions)
      std::stable_sort(Uses.begin(), Uses.end(),
                       [&](const TaskAccess &A, const TaskAccess &B) {
                         return SM.isBeforeInTranslationUnit(A.Anchor, B.Anchor);
                       });
    std::stable_sort(Sessions.begin(), Sessions.end(), [&](const auto &A, const auto &B) {
      return SM.isBeforeInTranslationUnit(A.second.front().Anchor,
                                          B.second.front().Anchor);
    });
    for (const auto &[Session, Uses] : Sessions) {
      if (Types.classify(Session.type()).Result != Verdict::Unsafe ||
          provedByThreadSafetyAnalysis(Session.decl()) ||
          provedByThreadSafetyAnalysis(Uses.front().Named))
        continue;
      // A helper on this object that reported its own escape of this
      // member: the caller's use is the "caller keeps using it" of that
      // finding.
      if (Site->HelperSpawn && Session.root() == Place::Root::This)
        if (const auto *Call = dyn_cast<CallExpr>(Site->Call))
          if (const FunctionDecl *Helper = Table->definitionOf(Call->getDirectCallee()))
            if (llvm::is_contained(Escaped.lookup(Helper), Session))
              continue;
      std::optional<Finding> F;
      if (Site->SelfOverlapping) {
        F = parallel(*Site, Uses);
      } else {
        F = concurrentUse(Function, *Site, Session, Uses, FunctionSites);
        if (!F) {
          F = escape(Function, *Site, Session, Uses);
          if (F)
            Escaped[Function].push_back(Session);
        }
      }
      if (F)
        Out.push_back(std::move(*F));
    }
  }
}

} // namespace sessionlint
