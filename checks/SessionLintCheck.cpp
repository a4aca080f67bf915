#include "SessionLintCheck.h"
#include "analysis/CompilerErrors.h"
#include "analysis/SpawnSites.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"

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
            if (ConfigurationError.empty())
              ConfigurationError =
                  ("invalid value for option '" + Option + "': " + Why).str();
          },
          WithTasks) {}

bool SessionLintCheck::registerConfigurationError(MatchFinder *Finder) {
  if (TypeOptions.valid())
    return true;
  Finder->addMatcher(translationUnitDecl().bind("tu"), &ErrorReporter);
  return false;
}

void SessionLintCheck::ConfigurationErrorReporter::run(
    const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  Check.diag(SM.getLocForStartOfFile(SM.getMainFileID()),
             "this check is off: %0 (fix it in .clang-tidy)", DiagnosticIDs::Error)
      << Check.ConfigurationError;
}

void SessionLintCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                           Preprocessor *) {
  recordCompilerErrors(PP->getDiagnostics());
}

void SessionLintCheck::addSpawnMatchers(MatchFinder *Finder) {
  addSpawnCandidateMatchers(*Finder, this);
  // A user's spawn function or thread start can have any name.
  if (!TypeOptions.userApis().empty())
    Finder->addMatcher(
        callExpr(unless(isInSystemCode())).bind("spawn"),
        this);
}

} // namespace sessionlint
