//===--- SharedAcrossTasksCheck.h - sessionlint-shared-across-tasks -------===//
//
// Reports a session object that a spawned task reaches while another use of
// it may run at the same time (SPEC section 4, rules 1-3). The matchers only
// find spawn sites; the reasoning lives in analysis/.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_SHAREDACROSSTASKSCHECK_H
#define SESSIONLINT_SHAREDACROSSTASKSCHECK_H

#include "analysis/Aliases.h"
#include "analysis/Helpers.h"
#include "analysis/Joins.h"
#include "analysis/Locks.h"
#include "analysis/SessionTypes.h"
#include "analysis/SpawnSites.h"
#include "analysis/TaskReach.h"
#include "SessionLintCheck.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/MapVector.h"
#include <memory>
#include <vector>

namespace sessionlint {

class FunctionOrdering;

class SharedAcrossTasksCheck : public SessionLintCheck {
public:
  SharedAcrossTasksCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context);
  ~SharedAcrossTasksCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Summarises helpers that start tasks and turns their call sites into
  /// spawn sites, until no summary grows.
  void summariseHelpers();
  void analyseFunction(const clang::Decl *Function,
                       llvm::ArrayRef<SpawnSite> Sites);
  FunctionOrdering *orderingOf(const clang::Decl *Function);
  SessionAliases &aliasesOf(const clang::Decl *Function);
  /// The mutexes held at every use of Session inside the task's bodies;
  /// empty when some use is unguarded or no use is visible.
  HeldMutexes taskGuards(const SpawnSite &Site, const SessionRef &Session,
                         const SessionAliases &Aliases);
  /// Whether code other than the escaping task may use Session: always for
  /// a parameter or a global; for a member, when it is public or another
  /// member function uses it.
  bool usedBesideEscapedTask(const SpawnSite &Site,
                             const clang::ValueDecl *Session);
  /// Whether an escaping task's session is protected: every use of it
  /// that this translation unit shows holds one of Guards.
  bool escapeGuarded(const SpawnSite &Site, const clang::ValueDecl *Session,
                     llvm::ArrayRef<MutexKey> Guards);
  void report(const SpawnSite &Site, const ReachedSession &Reached,
              const struct ConcurrentUse &Use, llvm::ArrayRef<SpawnSite> Sites);
  void reportParallel(const SpawnSite &Site, const ReachedSession &Reached);
  void reportEscape(const SpawnSite &Site, const ReachedSession &Reached,
                    const clang::Expr *DetachedAt);
  void noteHelper(const SpawnSite &Site);
  std::string typeName(const clang::ValueDecl *Session) const;

  SessionTypeClassifier *Types;

  clang::ASTContext *Ctx = nullptr;
  /// Spawn sites found by the matchers, grouped by the function that
  /// contains them, in the order the functions were met.
  llvm::MapVector<const clang::Decl *, std::vector<SpawnSite>> Pending;
  /// Calls of functions defined in this translation unit: candidates for
  /// helpers that start a task.
  std::vector<const clang::CallExpr *> Calls;

  // Per translation unit, cleared at its end.
  JoinFinder Joins;
  HelperSpawns Helpers;
  llvm::DenseMap<const clang::Decl *, std::unique_ptr<FunctionOrdering>>
      Orderings;
  llvm::DenseMap<const clang::Decl *, std::unique_ptr<SessionAliases>>
      Aliases;
};

} // namespace sessionlint

#endif
