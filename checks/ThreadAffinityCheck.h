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

#include "SessionLintCheck.h"

namespace sessionlint {

class ThreadAffinityCheck : public SessionLintCheck {
public:
  ThreadAffinityCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace sessionlint

#endif
