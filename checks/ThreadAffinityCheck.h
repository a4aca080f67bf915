//===--- ThreadAffinityCheck.h - sessionlint-thread-affinity ---*- C++ -*-===//
//
// A thread-affine object (Qt's QSqlDatabase and QSqlQuery, ThreadAffineTypes,
// SESSIONLINT_THREAD_AFFINE) may only be used from the thread that created
// it (SPEC section 2): a task that uses one created outside it is reported,
// whether or not the uses could overlap. What a task uses comes from the
// same engine as sessionlint-shared-across-tasks (analysis/Tasks.h): through
// helpers, struct fields, smart pointers and named thread functions alike.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_THREADAFFINITYCHECK_H
#define SESSIONLINT_THREADAFFINITYCHECK_H

#include "SessionLintCheck.h"
#include "analysis/Engine.h"

#include <memory>
#include <optional>

namespace sessionlint {

class ThreadAffinityCheck : public SessionLintCheck {
public:
  ThreadAffinityCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context);
  ~ThreadAffinityCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  clang::ASTContext *Ctx = nullptr;
  JoinFinder Joins;
  EnclosingCache Enclosing;
  std::unique_ptr<Engine> Analysis;
  /// Whether this translation unit can hold a thread-affine object at all,
  /// decided at the first match.
  std::optional<bool> Relevant;
  /// The spawn sites in the order the matchers met them, with their
  /// functions.
  std::vector<std::pair<const clang::Decl *, const clang::Stmt *>> Sites;
};

} // namespace sessionlint

#endif
