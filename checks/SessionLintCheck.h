//===--- SessionLintCheck.h - what every sessionlint check shares -*- C++ -*-===//
//
// The options every check reads (SessionTypeOptions.h), their configuration
// errors, C++ only, and the matchers that find spawn sites, including the
// user's own spawn functions.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_SESSIONLINTCHECK_H
#define SESSIONLINT_SESSIONLINTCHECK_H

#include "SessionTypeOptions.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace sessionlint {

class SessionLintCheck : public clang::tidy::ClangTidyCheck {
public:
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override {
    TypeOptions.store(Options, Opts);
  }
  /// Starts recording where the compiler reports errors, so that half-typed
  /// functions are left alone (analysis/CompilerErrors.h).
  void registerPPCallbacks(const clang::SourceManager &SM, clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

  /// The matchers of every check run over one traversal of the whole
  /// translation unit, the declarations of every header included; the
  /// checks only ever match outside system headers. With this on, the
  /// first check to see a translation unit narrows the traversal to the
  /// top-level declarations outside system headers (as clangd narrows it
  /// to the main file). The command line turns it on: it runs nothing but
  /// these checks. Off elsewhere: under clang-tidy other checks share the
  /// traversal, and clangd sets its own scope.
  static void matchUserCodeOnly(bool On);

protected:
  /// WithTasks: the check uses ThreadAffineTypes, SpawnFunctions and
  /// JoinFunctions too.
  SessionLintCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                   bool WithTasks = true);

  /// Binds "spawn" to every candidate spawn site: spawnCall(), and every
  /// call when the user lists SpawnFunctions (they can have any name).
  void addSpawnMatchers(clang::ast_matchers::MatchFinder *Finder);

  /// With a malformed option value the check does nothing; this says so in
  /// every file it is run on, as an error at the top of the main file.
  /// clang-tidy and the command line also report it as a configuration
  /// error, but clangd shows only diagnostics in the file being edited.
  /// Returns whether the options are valid (register the real matchers).
  bool registerConfigurationError(clang::ast_matchers::MatchFinder *Finder);

private:
  /// "invalid value for option 'SessionTypes': ..."; declared before
  /// TypeOptions, whose constructor sets it.
  std::string ConfigurationError;

protected:
  SessionTypeOptions TypeOptions;

private:
  class ConfigurationErrorReporter
      : public clang::ast_matchers::MatchFinder::MatchCallback {
  public:
    explicit ConfigurationErrorReporter(SessionLintCheck &Check) : Check(Check) {}
    void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

  private:
    SessionLintCheck &Check;
  };
  ConfigurationErrorReporter ErrorReporter{*this};

  class ScopeNarrower : public clang::ast_matchers::MatchFinder::MatchCallback {
  public:
    void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  };
  ScopeNarrower Narrower;
};

} // namespace sessionlint

#endif
