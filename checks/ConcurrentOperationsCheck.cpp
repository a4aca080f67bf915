#include "ConcurrentOperationsCheck.h"
#include "analysis/LargeStack.h"
#include "analysis/Names.h"
#include "analysis/TaskOrdering.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace sessionlint {
namespace {

AST_MATCHER(FunctionDecl, hasAsyncName) {
  return Node.getIdentifier() && Node.getName().starts_with("async_");
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

constexpr llvm::StringLiteral FixNote =
    "await one operation before starting the next, or give each its own "
    "session (a second connection, or one leased from a pool)";

} // namespace

ConcurrentOperationsCheck::ConcurrentOperationsCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : SessionLintCheck(Name, Context, /*WithTasks=*/false),
      Types(&TypeOptions.classifier()),
      Finder(std::make_unique<OperationFinder>(*Types)) {}

ConcurrentOperationsCheck::~ConcurrentOperationsCheck() = default;

void ConcurrentOperationsCheck::registerMatchers(MatchFinder *F) {
  if (!registerConfigurationError(F))
    return;
  F->addMatcher(
      cxxOperatorCallExpr(
                            unless(isInSystemCode()),
                            hasAnyOverloadedOperatorName("&&", "||"))
                            .bind("operator"),
      this);
  F->addMatcher(
      callExpr(unless(isInSystemCode()),
                        callee(functionDecl(hasAnyName(
                            "make_parallel_group", "when_all", "when_all_ready",
                            "collectAll", "collectAllTry", "collect_all"))))
                   .bind("group"),
      this);
  F->addMatcher(
      callExpr(unless(isInSystemCode()),
                                 callee(functionDecl(hasAsyncName())))
                            .bind("operation"),
      this);
}

void ConcurrentOperationsCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *Op = Result.Nodes.getNodeAs<CXXOperatorCallExpr>("operator")) {
    if (!isAwaitableOperator(Op) || Op->containsErrors())
      return;
    // Only the outermost operator of `a && b && c`.
    for (const DynTypedNode &Parent : Ctx->getParents(*Op))
      if (const auto *Outer = Parent.get<CXXOperatorCallExpr>();
          Outer && isAwaitableOperator(Outer))
        return;
    llvm::SmallVector<const Expr *, 4> Operands;
    flattenOperands(Op, Operands);
    checkTogether(Operands, Op->getOperator() == OO_AmpAmp ? "operator&&"
                                                           : "operator||");
    return;
  }
  if (const auto *Group = Result.Nodes.getNodeAs<CallExpr>("group")) {
    if (Group->containsErrors())
      return;
    llvm::SmallVector<const Expr *, 4> Operands(Group->arguments());
    checkTogether(Operands, Group->getDirectCallee()->getName());
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("operation");
  if (!Call || Call->containsErrors())
    return;
  std::optional<Operation> Op = Finder->directOperation(Call);
  if (!Op)
    return;
  Launch How = launchOf(Call);
  if (How == Launch::Lazy)
    return;
  const Decl *Function = enclosingFunction(Call, *Ctx);
  if (!Function)
    return;
  SpawnSite Site;
  Site.Call = Call;
  Site.Api = Op->Name;
  Site.Joins = JoinKind::Never;
  if (How == Launch::Future) {
    const VarDecl *Handle = nullptr;
    const Expr *DetachedAt = nullptr;
    if (findDestination(Call, *Ctx, Handle, DetachedAt) ==
            Destination::Variable &&
        Handle) {
      Site.Handle = Handle;
      Site.Joins = JoinKind::Explicit;
    }
  }
  Pending[Function].push_back({*Op, std::move(Site)});
}

void ConcurrentOperationsCheck::checkTogether(
    llvm::ArrayRef<const Expr *> Operands, llvm::StringRef Combinator) {
  llvm::SmallVector<llvm::SmallVector<Operation, 2>, 4> PerOperand;
  for (const Expr *Operand : Operands)
    PerOperand.push_back(Finder->operationsIn(Operand));
  const Decl *Function = Operands.empty()
                             ? nullptr
                             : enclosingFunction(Operands.front(), *Ctx);
  std::unique_ptr<SessionAliases> Names;
  if (Function)
    Names = std::make_unique<SessionAliases>(Function->getBody(), *Types);
  auto Same = [&](const SessionRef &A, const SessionRef &B) {
    return Names ? Names->same(A.Decl, B.Decl) : A.Decl == B.Decl;
  };
  // One finding per later operand and session: the first conflict wins.
  for (unsigned J = 1; J < PerOperand.size(); ++J)
    for (const Operation &Second : PerOperand[J]) {
      bool Reported = false;
      for (unsigned I = 0; I < J && !Reported; ++I)
        for (const Operation &First : PerOperand[I])
          if (Same(First.Target, Second.Target) &&
              conflict(First, Second, Finder->concurrencyOf(Second.Target))) {
            report(Second, First, Combinator);
            Reported = true;
            break;
          }
    }
}

void ConcurrentOperationsCheck::onEndOfTranslationUnit() {
  runWithLargeStack([&] {
    for (auto &[Function, Ops] : Pending)
      checkLaunched(Function, Ops);
  });
  Pending.clear();
  Joins = JoinFinder();
}

void ConcurrentOperationsCheck::checkLaunched(const Decl *Function,
                                              llvm::ArrayRef<Launched> Ops) {
  std::unique_ptr<FunctionOrdering> Ordering =
      FunctionOrdering::build(Function, *Ctx, Joins);
  if (!Ordering)
    return;
  SessionAliases Names(Function->getBody(), *Types);
  for (const Launched &First : Ops) {
    OpConcurrency Concurrency = Finder->concurrencyOf(First.Op.Target);
    std::optional<Operation> Conflicting;
    // A use of the session only matters when it starts a conflicting
    // operation; everything else is passed over.
    auto NotAnOperation = [&](const Stmt *Use) {
      if (Use == First.Site.Call)
        return !conflict(First.Op, First.Op, Concurrency);
      DynTypedNode Node = DynTypedNode::create(*Use);
      for (unsigned Up = 0; Up < 6; ++Up) {
        DynTypedNodeList Parents = Ctx->getParents(Node);
        if (Parents.empty())
          break;
        Node = Parents[0];
        if (const auto *Call = Node.get<CallExpr>()) {
          for (const Operation &Op : Finder->operationsIn(Call))
            if (Names.same(Op.Target.Decl, First.Op.Target.Decl) &&
                conflict(First.Op, Op, Concurrency)) {
              Conflicting = Op;
              return false;
            }
          return true;
        }
      }
      return true;
    };
    std::optional<ConcurrentUse> Use = Ordering->firstConcurrentUse(
        First.Site, First.Op.Target, Names, NotAnOperation);
    if (!Use)
      continue;
    if (Use->What == ConcurrentUse::SameSpawnAgain) {
      Operation Again = First.Op;
      report(Again, First.Op, "a loop");
      continue;
    }
    // Recompute for the use the walk settled on (the predicate may have
    // been asked about later uses on other paths).
    Conflicting.reset();
    NotAnOperation(Use->Where);
    if (Conflicting)
      report(*Conflicting, First.Op, "");
  }
}

void ConcurrentOperationsCheck::report(const Operation &Second,
                                       const Operation &First,
                                       llvm::StringRef Combinator) {
  const ValueDecl *Target = Second.Target.Decl;
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
  switch (Finder->concurrencyOf(Second.Target)) {
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
