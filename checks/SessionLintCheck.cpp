#include "SessionLintCheck.h"
#include "analysis/CompilerErrors.h"
#include "analysis/SpawnSites.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"
#include <atomic>

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

namespace {
std::atomic<bool> UserCodeOnly{false};
} // namespace

void SessionLintCheck::matchUserCodeOnly(bool On) { UserCodeOnly = On; }

// The translation unit is matched before its children are traversed, and
// RecursiveASTVisitor reads the traversal scope when it reaches them.
void SessionLintCheck::ScopeNarrower::run(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  std::vector<Decl *> Scope = Ctx.getTraversalScope();
  if (Scope.size() != 1 || !isa<TranslationUnitDecl>(Scope.front()))
    return; // Narrowed already, by another check or by clangd.
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Decl *> User;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    SourceLocation Loc = D->getLocation();
    if (Loc.isValid() && !SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      User.push_back(D);
  }
  Ctx.setTraversalScope(User);
}

bool SessionLintCheck::registerConfigurationError(MatchFinder *Finder) {
  if (UserCodeOnly)
    Finder->addMatcher(translationUnitDecl(), &Narrower);
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
