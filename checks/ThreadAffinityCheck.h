//===--- ThreadAffinityCheck.h - sessionlint-thread-affinity ---*- C++ -*-===//
//
// A thread-affine object (Qt's QSqlDatabase and QSqlQuery, ThreadAffineTypes,
// SESSIONLINT_THREAD_AFFINE) may only be used from the thread that created
// it (SPEC section 2): a task that reaches one created outside it is
// reported, whether or not the uses could overlap. The spawn sites and what
// a task reaches come from the same engine as sessionlint-shared-across-tasks.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_THREADAFFINITYCHECK_H
#define SESSIONLINT_THREADAFFINITYCHECK_H

#include "SessionTypeOptions.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace sessionlint {

class ThreadAffinityCheck : public clang::tidy::ClangTidyCheck {
public:
  ThreadAffinityCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  SessionTypeOptions TypeOptions;
};

} // namespace sessionlint

#endif
