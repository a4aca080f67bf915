#include "ConcurrentOperationsCheck.h"
#include "analysis/Parents.h"
#include "analysis/HandlerChains.h"
#include "analysis/LargeStack.h"
#include "analysis/Names.h"
#include "analysis/StartGuards.h"
#include "analysis/TaskOrdering.h"
#include "analysis/Walk.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace sessionlint {
namespace {

// The name of the function a call calls, as callee(functionDecl(hasName()))
// sees it. These run on every call of the file: a direct look at the
// callee costs a fraction of the generic matchers (a fifth of the
// matchers' time on a large file went to `callee`).
llvm::StringRef calleeName(const CallExpr &Call) {
  const auto *F = llvm::dyn_cast_or_null<FunctionDecl>(Call.getCalleeDecl());
  return F && F->getIdentifier() ? F->getName() : llvm::StringRef();
}

AST_MATCHER(CallExpr, callsAsyncOperation) {
  return calleeName(Node).starts_with("async_");
}

AST_MATCHER(CallExpr, callsGroupFunction) {
  llvm::StringRef Name = calleeName(Node);
  return Name == "make_parallel_group" || Name == "when_all" || Name == "when_all_ready" ||
         Name == "collectAll" || Name == "collectAllTry" || Name == "collect_all";
}

bool isAwaitableOperator(const CXXOperatorCallExpr *Op) {
  return Op->getDirectCallee() &&
         qualifiedName(Op->getDirectCallee()).find("awaitable_operators") !=
             std::string::npos;
}

/// Flattens `a && b || c` built from awaitable operators into its operands.
void flattenOperands(const Expr *E, llvm::SmallVectorImpl<const Expr *> &Out) {
  E = stripForwarding(E);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && (Op->getOperator() == OO_AmpAmp || Op->getOperator() == OO_PipePipe) &&
      Op->getNumArgs() == 2 && isAwaitableOperator(Op)) {
    flattenOperands(Op->getArg(0), Out);
    flattenOperands(Op->getArg(1), Out);
    return;
  }
  Out.push_back(E);
}

enum class Launch { Lazy, Future, Handler };

/// use_future: runs now, waited for through the future; a handler or
/// `detached`: runs now, never waited for here; use_awaitable, deferred, or
/// no token: starts only when awaited, so never in flight beside us.
Launch launchOf(const CallExpr *Call) {
  // The completion token or handler: the last argument the caller wrote.
  unsigned Written = writtenArgCount(Call);
  if (Written == 0)
    return Launch::Lazy;
  const Expr *Token = Call->getArg(Written - 1);
  const CXXRecordDecl *Type =
      Token->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Type || !Type->hasDefinition())
    return Launch::Lazy;
  llvm::StringRef Name = Type->getName();
  if (Name == "use_future_t")
    return Launch::Future;
  if (Name == "detached_t")
    return Launch::Handler;
  if (Name.ends_with("_t") && !Type->isLambda())
    return Launch::Lazy;
  return isFunctionObject(Token) ? Launch::Handler : Launch::Lazy;
}

/// Whether P names another object in each iteration of the loop around
/// Call: an element of a container ("any element", not one object), or an
/// object reached through a variable declared inside the loop (`for
/// (Session *s : sessions) s->deliver(m)`).
bool differsPerIteration(const Place &P, const Stmt *Call, ASTContext &Ctx) {
  for (size_t I = 0; I < P.depth(); ++I)
    if (P.step(I) == Place::elementStep())
      return true;
  return declaredInLoopAround(P.rootVar(), Call, Ctx);
}

constexpr llvm::StringLiteral FixNote =
    "await one operation before starting the next, or give each its own "
    "session (a second connection, or one leased from a pool)";

} // namespace

ConcurrentOperationsCheck::ConcurrentOperationsCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : SessionLintCheck(Name, Context, /*WithTasks=*/false) {}

ConcurrentOperationsCheck::~ConcurrentOperationsCheck() = default;

void ConcurrentOperationsCheck::registerMatchers(MatchFinder *F) {
  if (!registerConfigurationError(F))
    return;
  F->addMatcher(cxxOperatorCallExpr(hasAnyOverloadedOperatorName("&&", "||"),
                                    unless(isInSystemCode()))
                    .bind("operator"),
                this);
  F->addMatcher(callExpr(callsGroupFunction(), unless(isInSystemCode())).bind("group"),
                this);
  F->addMatcher(callExpr(callsAsyncOperation(), unless(isInSystemCode())).bind("operation"),
                this);
  // `&C::handler`: a member function named as a value (a dispatch table
  // entry, a bound completion handler).
  F->addMatcher(unaryOperator(hasOperatorName("&"),
                              hasUnaryOperand(declRefExpr(to(cxxMethodDecl().bind("named"))))),
                this);
  // The engine's summaries need the functions of the file.
  F->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader())).bind("function"),
      this);
}

void ConcurrentOperationsCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (!Analysis)
    Analysis = std::make_unique<Engine>(*Ctx, TypeOptions.classifier(), Joins);
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    Analysis->addFunction(Function);
    return;
  }
  if (const auto *Named = Result.Nodes.getNodeAs<CXXMethodDecl>("named")) {
    AddressTaken.insert(Named->getCanonicalDecl());
    return;
  }
  if (const auto *Op = Result.Nodes.getNodeAs<CXXOperatorCallExpr>("operator")) {
    if (!isAwaitableOperator(Op) || Op->containsErrors())
      return;
    // Only the outermost operator of `a && b && c`.
    for (const DynTypedNode &Parent : parentsOf(*Op, *Ctx))
      if (const auto *Outer = Parent.get<CXXOperatorCallExpr>();
          Outer && isAwaitableOperator(Outer))
        return;
    Together T;
    T.Function = enclosingFunction(Op, *Ctx, &Enclosing);
    flattenOperands(Op, T.Operands);
    T.Combinator = Op->getOperator() == OO_AmpAmp ? "operator&&" : "operator||";
    if (T.Function)
      Combinators.push_back(std::move(T));
    return;
  }
  if (const auto *Group = Result.Nodes.getNodeAs<CallExpr>("group")) {
    if (Group->containsErrors())
      return;
    Together T;
    T.Function = enclosingFunction(Group, *Ctx, &Enclosing);
    T.Operands.append(Group->arg_begin(), Group->arg_end());
    T.Combinator = Group->getDirectCallee()->getName().str();
    if (T.Function)
      Combinators.push_back(std::move(T));
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("operation");
  if (!Call || Call->containsErrors())
    return;
  Launch How = launchOf(Call);
  if (How == Launch::Lazy)
    return;
  const Decl *Function = enclosingFunction(Call, *Ctx, &Enclosing);
  if (!Function)
    return;
  SpawnSite Site;
  Site.Call = Call;
  Site.Joins = JoinKind::Never;
  if (How == Launch::Future) {
    const VarDecl *Handle = nullptr;
    const Expr *DetachedAt = nullptr;
    if (findDestination(Call, *Ctx, Handle, DetachedAt) == Destination::Variable &&
        Handle) {
      Site.Handle = Handle;
      Site.Joins = JoinKind::Explicit;
    }
  }
  unsigned Written = writtenArgCount(Call);
  const Stmt *Handler = How == Launch::Handler && Written
                            ? handlerBody(Call->getArg(Written - 1))
                            : nullptr;
  Pending[Function].push_back({Call, std::move(Site), std::nullopt, Handler});
}

void ConcurrentOperationsCheck::checkTogether(const Together &Group) {
  if (hasErrors(Group.Function))
    return;
  OperationFinder Finder(Analysis->summaries(),
                         Analysis->summaries().frameOf(Group.Function));
  llvm::SmallVector<llvm::SmallVector<Operation, 2>, 4> PerOperand;
  for (const Expr *Operand : Group.Operands)
    PerOperand.push_back(Finder.operationsIn(Operand));
  // One finding per later operand and session: the first conflict wins.
  for (unsigned J = 1; J < PerOperand.size(); ++J)
    for (const Operation &Second : PerOperand[J]) {
      bool Reported = false;
      for (unsigned I = 0; I < J && !Reported; ++I)
        for (const Operation &First : PerOperand[I])
          if (First.Target == Second.Target &&
              conflict(First, Second, concurrencyOf(Second.Target))) {
            report(Second, First, Group.Combinator);
            Reported = true;
            break;
          }
    }
}

void ConcurrentOperationsCheck::onEndOfTranslationUnit() {
  if (Analysis)
    runWithLargeStack([&] {
      for (const Together &T : Combinators)
        checkTogether(T);
      addHelperLaunches();
      for (auto &[Function, Ops] : Pending)
        checkLaunched(Function, Ops);
      checkReentrantStarts();
      checkChains();
    });
  Combinators.clear();
  Reported.clear();
  AddressTaken.clear();
  Pending.clear();
  Enclosing.clear();
  Analysis.reset();
  Joins = JoinFinder();
}

void ConcurrentOperationsCheck::addHelperLaunches() {
  SummaryTable &T = Analysis->summaries();
  llvm::SmallVector<const Decl *, 8> Work;
  for (auto &Entry : Pending)
    Work.push_back(Entry.first);
  llvm::DenseSet<const CallExpr *> Added;
  // Each call is added once, so this ends; the bound is for safety only.
  for (unsigned Steps = 0; !Work.empty() && Steps < 10000; ++Steps) {
    const auto *Helper = dyn_cast<FunctionDecl>(Work.pop_back_val());
    if (!Helper || hasErrors(Helper))
      continue;
    // What it leaves in flight on what it is handed. (A future kept in a
    // variable is waited for or dropped here; a handler is not waited for.)
    llvm::SmallVector<std::pair<Operation, const Stmt *>, 2> InFlight;
    OperationFinder Inside(T, T.frameOf(Helper));
    for (const Launched &L : Pending.lookup(Helper)) {
      if (L.Site.Joins != JoinKind::Never)
        continue;
      // Started only when none is in flight (the write-queue idiom): the
      // helper does not leave a second one running.
      if (guardedByHandlerState(L.Call, Helper, L.Handler, *Ctx))
        continue;
      std::optional<Operation> Op = L.ByHelper ? L.ByHelper : Inside.directOperation(L.Call);
      if (!Op)
        continue;
      // On what outlives the call: a parameter's object, `this`, a global.
      // A local of the helper is its own.
      const VarDecl *Root = Op->Target.rootVar();
      if (Op->Target.root() == Place::Root::This ||
          (Root && (isa<ParmVarDecl>(Root) || Root->hasGlobalStorage())))
        InFlight.push_back({*Op, L.Handler});
    }
    if (InFlight.empty())
      continue;
    for (const Decl *Caller : Analysis->callersOf(Helper)) {
      OperationFinder Outside(T, T.frameOf(Caller));
      bool Grew = false;
      walk(Caller->getBody(), [&](const Stmt *S) {
        if (isa<LambdaExpr>(S))
          return Step::Skip; // Its own caller, in callersOf().
        const auto *Call = dyn_cast<CallExpr>(S);
        if (!Call || T.definitionOf(Call->getDirectCallee()) != Helper ||
            !Added.insert(Call).second)
          return Step::Descend;
        for (const auto &[Inner, Handler] : InFlight) {
          if (guardedByHandlerState(Call, Caller, Handler, *Ctx))
            continue;
          if (std::optional<Operation> Op = Outside.operationAtCall(Call, Helper, Inner)) {
            SpawnSite Site;
            Site.Call = Call;
            Site.Joins = JoinKind::Never;
            Pending[Caller].push_back({Call, std::move(Site), std::move(Op), Handler});
            Grew = true;
          }
        }
        return Step::Descend;
      });
      if (Grew)
        Work.push_back(Caller);
    }
  }
}

void ConcurrentOperationsCheck::checkLaunched(const Decl *Function,
                                              llvm::ArrayRef<Launched> Ops) {
  if (hasErrors(Function))
    return;
  std::unique_ptr<FunctionOrdering> Ordering =
      FunctionOrdering::build(Function, *Ctx, Joins);
  if (!Ordering)
    return;
  OperationFinder Finder(Analysis->summaries(),
                         Analysis->summaries().frameOf(Function));
  const SourceManager &SM = Ctx->getSourceManager();
  for (const Launched &L : Ops) {
    std::optional<Operation> First = L.ByHelper ? L.ByHelper : Finder.directOperation(L.Call);
    if (!First)
      continue;
    OpConcurrency Concurrency = concurrencyOf(First->Target);
    // The earliest operation, on any path before the first is waited for,
    // that conflicts with it; or the first again, in a loop.
    std::optional<std::pair<Operation, bool>> Best;
    Ordering->forEachAfter(L.Site, [&](const Stmt *S) {
      const auto *Call = dyn_cast<CallExpr>(S);
      if (!Call)
        return false;
      if (Call == L.Call) {
        // `for (Session *s : sessions) s->deliver(m)`: each iteration's
        // element is another object.
        if (!conflict(*First, *First, Concurrency) ||
            differsPerIteration(First->Target, L.Call, *Ctx))
          return false;
        if (!Best)
          Best = {*First, true};
        return true;
      }
      llvm::SmallVector<Operation, 2> Ops;
      if (std::optional<Operation> Op = Finder.directOperation(Call))
        Ops.push_back(*Op);
      else
        Ops = Finder.operationsOfCall(Call);
      for (const Operation &Op : Ops)
        if (Op.Target == First->Target && conflict(*First, Op, Concurrency)) {
          if (!Best || Best->second ||
              SM.isBeforeInTranslationUnit(Op.Start->getExprLoc(),
                                           Best->first.Start->getExprLoc()))
            Best = {Op, false};
          return true;
        }
      return false;
    });
    if (!Best)
      continue;
    report(Best->first, *First, Best->second ? "a loop" : "");
  }
}

namespace {

/// The member function a launch is in: its own body, or a lambda it posts
/// or dispatches (`post(strand_, [self, msg] { ... })`), which runs once per
/// call too. Null for a completion handler's lambda: that runs when an
/// operation completes, which is the chain, not a new call.
const CXXMethodDecl *launchingMethod(const Decl *Function, ASTContext &Ctx) {
  for (unsigned Depth = 0; Depth < 4; ++Depth) {
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(Function);
    if (!M)
      return nullptr;
    if (!M->getParent()->isLambda())
      return M;
    const LambdaExpr *Lambda = lambdaFor(M, Ctx);
    const CallExpr *Post = Lambda ? postingCall(Lambda, Ctx) : nullptr;
    if (!Post)
      return nullptr;
    Function = enclosingFunction(Post, Ctx);
  }
  return nullptr;
}

} // namespace

void ConcurrentOperationsCheck::checkReentrantStarts() {
  SummaryTable &T = Analysis->summaries();
  // A caller that calls the entry point twice was told already: one bug,
  // one finding.
  llvm::SmallPtrSet<const FunctionDecl *, 4> ToldAtCaller;
  for (const Expr *E : Reported)
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *Def = T.definitionOf(Call->getDirectCallee()))
        ToldAtCaller.insert(Def);
  for (auto &[Function, Ops] : Pending) {
    if (hasErrors(Function))
      continue;
    const CXXMethodDecl *Starter = launchingMethod(Function, *Ctx);
    if (!Starter)
      continue;
    OperationFinder Finder(T, T.frameOf(Function));
    for (const Launched &L : Ops) {
      if (L.ByHelper || L.Site.Joins != JoinKind::Never || Reported.contains(L.Call))
        continue;
      std::optional<Operation> Op = Finder.directOperation(L.Call);
      if (!Op || Op->Target.root() != Place::Root::This ||
          !conflict(*Op, *Op, concurrencyOf(Op->Target)))
        continue;
      const Stmt *Handler = L.Handler;
      if (guardedByHandlerState(L.Call, Function, Handler, *Ctx))
        continue;
      // Up the callers in the same class, through unguarded calls, to a
      // per-message entry point.
      const CXXMethodDecl *Entry = nullptr;
      llvm::SmallVector<std::pair<const CXXMethodDecl *, unsigned>, 4> Work{{Starter, 0}};
      llvm::SmallPtrSet<const CXXMethodDecl *, 4> Seen{Starter};
      while (!Work.empty() && !Entry) {
        auto [M, Depth] = Work.pop_back_val();
        if (isEntry(M)) {
          Entry = M;
          break;
        }
        if (Depth >= 3)
          continue;
        for (const Decl *Caller : Analysis->callersOf(M)) {
          const auto *CallerMethod = dyn_cast<CXXMethodDecl>(Caller);
          if (!CallerMethod || CallerMethod->getParent()->isLambda() ||
              CallerMethod->getParent() != Starter->getParent() ||
              !Seen.insert(CallerMethod).second)
            continue;
          bool Unguarded = !walk(CallerMethod->getBody(), [&](const Stmt *S) {
            if (isa<LambdaExpr>(S))
              return Step::Skip;
            const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
            if (!Call || !Call->getMethodDecl() ||
                T.definitionOf(Call->getMethodDecl()) != T.definitionOf(M))
              return Step::Descend;
            return guardedByHandlerState(Call, CallerMethod, Handler, *Ctx)
                       ? Step::Descend
                       : Step::Stop;
          });
          if (Unguarded)
            Work.push_back({CallerMethod, Depth + 1});
        }
      }
      if (!Entry || !Op->Named || ToldAtCaller.contains(T.definitionOf(Entry)) ||
          ToldAtCaller.contains(T.definitionOf(Starter)))
        continue;
      Reported.insert(L.Call);
      diag(Op->Start->getExprLoc(),
           "operation '%0' on session %1 of type '%2' can start again while the "
           "previous one is still in flight: %3 starts it on every call")
          << Op->Name << Op->Named << spelledTypeOf(Op->Named, *Ctx) << Entry;
      diag(Entry->getLocation(),
           "%0 is called for each message; nothing stops a second call before "
           "the completion handler has run",
           DiagnosticIDs::Note)
          << Entry;
      diag(Op->Start->getExprLoc(),
           "queue the messages and start an operation only when none is in "
           "flight; start the next one from the completion handler",
           DiagnosticIDs::Note);
    }
  }
}

namespace {

/// A wait for a timer or a signal (`timer_.async_wait(...)`,
/// `signals_.async_wait(...)`): its handler runs when time passes.
bool isPaced(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && Callee->getIdentifier() && Callee->getName() == "async_wait";
}

/// The name of what a chain's source runs: the operation whose handler it
/// is ('async_wait'), or the entry point.
std::string sourceName(const HandlerChains &Chains, const HandlerChains::Feed &F) {
  if (F.FromEntry)
    return Chains.entry(F.From)->getNameAsString();
  const FunctionDecl *Callee = Chains.start(F.From).Call->getDirectCallee();
  return Callee ? Callee->getNameAsString() : std::string("an operation");
}

} // namespace

void ConcurrentOperationsCheck::noteChain(const HandlerChains &Chains,
                                          const HandlerChains::Feed &F,
                                          llvm::StringRef Which) {
  if (F.FromEntry)
    diag(Chains.entry(F.From)->getLocation(),
         "%0: %1, called for each message", DiagnosticIDs::Note)
        << Which << Chains.entry(F.From);
  else
    diag(Chains.start(F.From).Call->getExprLoc(),
         "%0: the completion handler of '%1' started here", DiagnosticIDs::Note)
        << Which << sourceName(Chains, F);
}

void ConcurrentOperationsCheck::checkChains() {
  SummaryTable &T = Analysis->summaries();
  std::vector<ChainStart> Starts;
  std::vector<std::optional<Operation>> Ops;
  std::vector<const Stmt *> Handlers;
  for (auto &[Function, Launches] : Pending) {
    if (hasErrors(Function))
      continue;
    OperationFinder Finder(T, T.frameOf(Function));
    for (const Launched &L : Launches) {
      if (L.ByHelper || L.Site.Joins != JoinKind::Never)
        continue;
      unsigned Written = writtenArgCount(L.Call);
      if (!Written)
        continue;
      Starts.push_back({L.Call, Function, L.Call->getArg(Written - 1)});
      Ops.push_back(Finder.directOperation(L.Call));
      Handlers.push_back(L.Handler);
    }
  }
  if (Starts.empty())
    return;
  HandlerChains Chains(std::move(Starts), *Ctx,
                       [&](const CXXMethodDecl *M) { return isEntry(M); });
  auto Candidate = [&](unsigned X) {
    const std::optional<Operation> &Op = Ops[X];
    // A handler that cannot be read may restart anything, the operation
    // itself included: which chain it is in is unknown.
    return Op && Op->Named && Op->Target.root() == Place::Root::This &&
           Chains.handlerReadable(X) && !Reported.contains(Chains.start(X).Call);
  };
  // Whether no call on the way runs under a test of state that one of the
  // handlers reads or clears (the in-flight flag, the queue).
  auto Unguarded = [&](llvm::ArrayRef<Hop> Hops, std::initializer_list<const Stmt *> Of) {
    return llvm::none_of(Hops, [&](const Hop &H) {
      return llvm::any_of(Of, [&](const Stmt *Handler) {
        return guardedByHandlerState(H.Call, H.Function, Handler, *Ctx);
      });
    });
  };
  const SourceManager &SM = Ctx->getSourceManager();
  for (unsigned X = 0; X < Chains.size(); ++X) {
    if (!Candidate(X))
      continue;
    const Operation &Op = *Ops[X];
    OpConcurrency Concurrency = concurrencyOf(Op.Target);
    // Two chains, each with its own operation on the session in flight.
    bool Told = false;
    for (unsigned Y = 0; Y < Chains.size() && !Told; ++Y) {
      if (Y == X || !Ops[Y] || Ops[Y]->Target != Op.Target ||
          !Chains.handlerReadable(Y) ||
          Chains.componentOf(X) == Chains.componentOf(Y) ||
          !conflict(*Ops[Y], Op, Concurrency) ||
          SM.isBeforeInTranslationUnit(Op.Start->getExprLoc(),
                                       Ops[Y]->Start->getExprLoc()))
        continue;
      auto Keep = [&](llvm::ArrayRef<Hop> Hops) {
        return Unguarded(Hops, {Handlers[X], Handlers[Y]});
      };
      auto Mine = Chains.feedsOf(X, Keep);
      auto Theirs = Chains.feedsOf(Y, Keep);
      for (const auto &A : Mine) {
        const auto *B = llvm::find_if(
            Theirs, [&](const auto &F) { return F.Component != A.Component; });
        if (B == Theirs.end())
          continue;
        Reported.insert(Op.Start);
        Reported.insert(Ops[Y]->Start);
        diag(Op.Start->getExprLoc(),
             "operation '%0' on session %1 of type '%2' can start while '%3' is "
             "in flight on it: two chains of completion handlers start them "
             "independently")
            << Op.Name << Op.Named << spelledTypeOf(Op.Named, *Ctx) << Ops[Y]->Name;
        noteChain(Chains, A, "one chain");
        diag(Ops[Y]->Start->getExprLoc(), "the other chain starts '%0' here",
             DiagnosticIDs::Note)
            << Ops[Y]->Name;
        diag(Op.Start->getExprLoc(),
             "start both from one chain, or start one only when the other is "
             "not in flight (a flag or a queue their completion handlers clear)",
             DiagnosticIDs::Note);
        Told = true;
        break;
      }
    }
    if (Told || !conflict(Op, Op, Concurrency))
      continue;
    // One chain that starts it on every turn while another keeps one in
    // flight, or that never waits for the one it started.
    auto Feeds = Chains.feedsOf(X, [&](llvm::ArrayRef<Hop> Hops) {
      return Unguarded(Hops, {Handlers[X]});
    });
    for (const auto &F : Feeds) {
      // An entry point is the reentrant-start rule's.
      if (F.Component == Chains.componentOf(X) || F.FromEntry)
        continue;
      // A timer's or a signal's turn is paced: one that starts X alone
      // would pile operations up only if one outlasted the period.
      if (isPaced(Chains.start(F.From).Call) &&
          llvm::all_of(Feeds, [&](const auto &G) { return G.Component == F.Component; }))
        continue;
      Reported.insert(Op.Start);
      std::string Source = sourceName(Chains, F);
      diag(Op.Start->getExprLoc(),
           "operation '%0' on session %1 of type '%2' can start again while the "
           "previous one is still in flight: the completion handler of '%3', "
           "which runs again and again, starts it without waiting for it")
          << Op.Name << Op.Named << spelledTypeOf(Op.Named, *Ctx) << Source;
      diag(Chains.start(F.From).Call->getExprLoc(),
           "'%0' completes again and again; its handler starts '%1' without "
           "waiting for the one in flight",
           DiagnosticIDs::Note)
          << Source << Op.Name;
      diag(Op.Start->getExprLoc(),
           "start '%0' from one chain only, or only when none is in flight (a "
           "flag or a queue its completion handler clears)",
           DiagnosticIDs::Note)
          << Op.Name;
      break;
    }
  }
}

bool ConcurrentOperationsCheck::isEntry(const CXXMethodDecl *M) const {
  // One whose address is taken is run by whoever holds the address: a
  // command table the object's own read handler dispatches through, a
  // completion handler. Who calls it, and how often, is not known.
  return isPerMessageEntry(M) && !AddressTaken.contains(M->getCanonicalDecl());
}

void ConcurrentOperationsCheck::report(const Operation &Second,
                                       const Operation &First,
                                       llvm::StringRef Combinator) {
  const ValueDecl *Target = Second.Named;
  if (!Target)
    return;
  Reported.insert(Second.Start);
  Reported.insert(First.Start);
  std::string Type = spelledTypeOf(Target, *Ctx);
  if (Combinator == "a loop") {
    diag(Second.Start->getExprLoc(),
         "operation '%0' on session %1 of type '%2' starts again in the next "
         "iteration while the previous one is still in flight")
        << Second.Name << Target << Type;
  } else if (Combinator.empty()) {
    diag(Second.Start->getExprLoc(),
         "operation '%0' on session %1 of type '%2' starts while '%3' is still "
         "in flight on it")
        << Second.Name << Target << Type << First.Name;
    diag(First.Start->getExprLoc(), "'%0' started here and has not completed",
         DiagnosticIDs::Note)
        << First.Name;
  } else {
    diag(Second.Start->getExprLoc(),
         "operation '%0' on session %1 of type '%2' runs at the same time as "
         "'%3' under '%4'")
        << Second.Name << Target << Type << First.Name << Combinator;
    diag(First.Start->getExprLoc(), "'%0' is in flight here at the same time",
         DiagnosticIDs::Note)
        << First.Name;
  }
  switch (concurrencyOf(Second.Target)) {
  case OpConcurrency::OneAtATime:
    break;
  case OpConcurrency::FullDuplex:
    diag(Second.Start->getExprLoc(),
         "%0 allows one read and one write in flight at a time, not two of a "
         "kind",
         DiagnosticIDs::Note)
        << Target;
    break;
  case OpConcurrency::Websocket:
    diag(Second.Start->getExprLoc(),
         "%0 allows one read, one write, one ping/pong and one close in "
         "flight at a time, not two of a kind",
         DiagnosticIDs::Note)
        << Target;
    break;
  }
  diag(Second.Start->getExprLoc(), FixNote, DiagnosticIDs::Note);
}

} // namespace sessionlint
