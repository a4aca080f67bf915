//===--- ConcurrentOperationsCheck.h - sessionlint-concurrent-operations --===//
//
// Reports two asynchronous operations on one session in flight at the same
// time inside one task (SPEC section 4, rule 4): awaitable operators `&&` /
// `||`, `make_parallel_group`, `when_all` / `collectAll`, and operations
// launched with `use_future` or a completion handler before the previous one
// on the same session completes, in one function or across calls of a
// callback-style entry point. The matchers find candidates; the
// reasoning lives in analysis/Operations.h.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_CONCURRENTOPERATIONSCHECK_H
#define SESSIONLINT_CONCURRENTOPERATIONSCHECK_H

#include "SessionLintCheck.h"
#include "analysis/Engine.h"
#include "analysis/HandlerChains.h"
#include "analysis/Operations.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include <memory>
#include <vector>

namespace sessionlint {

class ConcurrentOperationsCheck : public SessionLintCheck {
public:
  ConcurrentOperationsCheck(llvm::StringRef Name,
                            clang::tidy::ClangTidyContext *Context);
  ~ConcurrentOperationsCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Operands that run at once (awaitable operators, a parallel group,
  /// when_all), and the combinator's name.
  struct Together {
    const clang::Decl *Function;
    llvm::SmallVector<const clang::Expr *, 4> Operands;
    std::string Combinator;
  };
  /// An operation launched without waiting for it (use_future, a
  /// completion handler, detached) and how it is waited for.
  struct Launched {
    const clang::CallExpr *Call;
    SpawnSite Site;
    /// For the call of a helper that launches: the operation it leaves in
    /// flight, in this function's frame.
    std::optional<Operation> ByHelper;
    /// The completion handler's body, when it can be read: what a guard
    /// on the start must share with it (analysis/StartGuards.h).
    const clang::Stmt *Handler = nullptr;
  };

  /// A call of a function that launches an operation on what it is handed
  /// and returns with it in flight launches it in the caller: adds those
  /// calls to Pending, through any depth of helpers.
  void addHelperLaunches();

  /// Reports each pair of operands that conflict.
  void checkTogether(const Together &T);
  void checkLaunched(const clang::Decl *Function, llvm::ArrayRef<Launched> Ops);
  /// Callback style: a handler-launched operation on a member session,
  /// started unguarded by a member function that a public entry point
  /// taking a message runs on every call, can start again before the
  /// previous one completes (analysis/StartGuards.h).
  void checkReentrantStarts();
  /// Callback style: two chains of completion handlers (a timer's and a
  /// request chain) with operations on one member session in flight
  /// together, or one chain that starts an operation on every turn while
  /// another operation of the kind may still be in flight
  /// (analysis/HandlerChains.h).
  void checkChains();
  /// A per-message entry point (analysis/StartGuards.h) whose address is
  /// not taken anywhere in the translation unit.
  bool isEntry(const clang::CXXMethodDecl *M) const;
  void noteChain(const HandlerChains &Chains, const HandlerChains::Feed &F,
                 llvm::StringRef Which);
  void report(const Operation &Second, const Operation &First,
              llvm::StringRef Combinator);

  clang::ASTContext *Ctx = nullptr;
  JoinFinder Joins;
  EnclosingCache Enclosing;
  std::vector<Together> Combinators;
  llvm::MapVector<const clang::Decl *, std::vector<Launched>> Pending;
  /// The operations a finding already points at.
  llvm::DenseSet<const clang::Expr *> Reported;
  /// Member functions named as values (`&C::f`).
  llvm::DenseSet<const clang::Decl *> AddressTaken;
  /// Per translation unit: the summaries of its coroutines and helpers.
  std::unique_ptr<Engine> Analysis;
};

} // namespace sessionlint

#endif
