//===--- SharedAcrossTasksCheck.h - sessionlint-shared-across-tasks -------===//
//
// Reports a session object that a spawned task reaches while another use of
// it may run at the same time (SPEC section 4, rules 1-3). The matchers only
// find spawn sites and the calls between the translation unit's functions;
// the engine (analysis/Engine.h) decides, and this check words its findings.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_SHAREDACROSSTASKSCHECK_H
#define SESSIONLINT_SHAREDACROSSTASKSCHECK_H

#include "SessionLintCheck.h"
#include "analysis/Engine.h"

#include <memory>

namespace sessionlint {

class SharedAcrossTasksCheck : public SessionLintCheck {
public:
  SharedAcrossTasksCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context);
  ~SharedAcrossTasksCheck() override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void report(const Finding &F);
  void noteHelper(const SpawnSite &Site);
  std::string typeName(const clang::ValueDecl *Session) const;

  clang::ASTContext *Ctx = nullptr;
  JoinFinder Joins;
  EnclosingCache Enclosing;
  /// Per translation unit, made when its first match arrives.
  std::unique_ptr<Engine> Analysis;
};

} // namespace sessionlint

#endif
