//===--- ConcurrentOperationsCheck.h - sessionlint-concurrent-operations --===//
//
// Reports two asynchronous operations on one session in flight at the same
// time inside one task (SPEC section 4, rule 4): awaitable operators `&&` /
// `||`, `make_parallel_group`, `when_all` / `collectAll`, and operations
// launched with `use_future` or a completion handler before the previous one
// on the same session completes. The matchers find candidates; the
// reasoning lives in analysis/Operations.h.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_CONCURRENTOPERATIONSCHECK_H
#define SESSIONLINT_CONCURRENTOPERATIONSCHECK_H

#include "analysis/Aliases.h"
#include "analysis/Joins.h"
#include "analysis/Operations.h"
#include "analysis/SessionTypes.h"
#include "analysis/SpawnSites.h"
#include "SessionLintCheck.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/MapVector.h"
#include <memory>
#include <vector>

namespace sessionlint {

class FunctionOrdering;

class ConcurrentOperationsCheck : public SessionLintCheck {
public:
  ConcurrentOperationsCheck(llvm::StringRef Name,
                            clang::tidy::ClangTidyContext *Context);
  ~ConcurrentOperationsCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// An operation launched without waiting for it (use_future, a
  /// completion handler, detached) and how it is waited for.
  struct Launched {
    Operation Op;
    SpawnSite Site;
  };

  /// Operands that run at once (awaitable operators, a parallel group,
  /// when_all): reports each pair that conflicts.
  void checkTogether(llvm::ArrayRef<const clang::Expr *> Operands,
                     llvm::StringRef Combinator);
  void checkLaunched(const clang::Decl *Function,
                     llvm::ArrayRef<Launched> Ops);
  void report(const Operation &Second, const Operation &First,
              llvm::StringRef Combinator);

  SessionTypeClassifier *Types;
  std::unique_ptr<OperationFinder> Finder;

  clang::ASTContext *Ctx = nullptr;
  llvm::MapVector<const clang::Decl *, std::vector<Launched>> Pending;
  JoinFinder Joins;
};

} // namespace sessionlint

#endif
