#include "SessionLintCheck.h"
#include "analysis/SpawnSites.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace sessionlint {

SessionLintCheck::SessionLintCheck(llvm::StringRef Name,
                                   clang::tidy::ClangTidyContext *Context,
                                   bool WithTasks)
    : ClangTidyCheck(Name, Context),
      TypeOptions(
          Options,
          [this](llvm::StringRef Option, llvm::StringRef Why) {
            configurationDiag("invalid value for option '%0': %1",
                              DiagnosticIDs::Error)
                << Option << Why;
          },
          WithTasks) {}

void SessionLintCheck::addSpawnMatchers(MatchFinder *Finder) {
  Finder->addMatcher(traverse(TK_AsIs, spawnCall().bind("spawn")), this);
  if (!TypeOptions.spawnFunctions().empty())
    Finder->addMatcher(
        traverse(TK_AsIs,
                 callExpr(unless(isExpansionInSystemHeader())).bind("spawn")),
        this);
}

} // namespace sessionlint
