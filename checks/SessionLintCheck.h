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

protected:
  /// WithTasks: the check uses ThreadAffineTypes, SpawnFunctions and
  /// JoinFunctions too.
  SessionLintCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                   bool WithTasks = true);

  /// Binds "spawn" to every candidate spawn site: spawnCall(), and every
  /// call when the user lists SpawnFunctions (they can have any name).
  void addSpawnMatchers(clang::ast_matchers::MatchFinder *Finder);

  SessionTypeOptions TypeOptions;
};

} // namespace sessionlint

#endif
