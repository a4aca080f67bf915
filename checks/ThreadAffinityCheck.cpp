#include "ThreadAffinityCheck.h"
#include "analysis/Names.h"
#include "analysis/SpawnSites.h"
#include "analysis/TaskReach.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace sessionlint {

ThreadAffinityCheck::ThreadAffinityCheck(llvm::StringRef Name,
                                         clang::tidy::ClangTidyContext *Context)
    : SessionLintCheck(Name, Context) {}

void ThreadAffinityCheck::registerMatchers(MatchFinder *Finder) {
  if (!registerConfigurationError(Finder))
    return;
  addSpawnMatchers(Finder);
}

void ThreadAffinityCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Candidate = Result.Nodes.getNodeAs<Stmt>("spawn");
  std::optional<SpawnSite> Site = recognizeSpawn(
      Candidate, *Result.Context, &TypeOptions.spawnFunctions());
  if (!Site)
    return;
  for (const ReachedSession &Reached :
       sessionsReachedBy(*Site, TypeOptions.classifier(),
                         Verdict::ThreadAffine)) {
    const ValueDecl *Object = Reached.Session.Decl;
    diag(Reached.Anchor, "%0 of type '%1' may only be used from the thread "
                         "that created it, but a task started by '%2' uses it")
        << Object << spelledTypeOf(Object, *Result.Context) << Site->Api;
    diag(Site->Call->getBeginLoc(), "task started here", DiagnosticIDs::Note);
    diag(Object->getLocation(), "%0 belongs to the thread that runs this code",
         DiagnosticIDs::Note)
        << Object;
    diag(Reached.Anchor,
         "create the object inside the task (for QSqlDatabase: "
         "QSqlDatabase::cloneDatabase with a connection name of the task's "
         "own, then open it there)",
         DiagnosticIDs::Note);
  }
}

} // namespace sessionlint
