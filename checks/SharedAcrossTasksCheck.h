//===--- SharedAcrossTasksCheck.h - sessionlint-shared-across-tasks -------===//
//
// Reports a session object that a spawned task reaches while another use of
// it may run at the same time (SPEC section 4, rules 1-3). The matchers only
// find spawn sites; the reasoning lives in analysis/.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_SHAREDACROSSTASKSCHECK_H
#define SESSIONLINT_SHAREDACROSSTASKSCHECK_H

#include "analysis/SessionTypes.h"
#include "analysis/SpawnSites.h"
#include "analysis/TaskReach.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/MapVector.h"
#include <memory>
#include <vector>

namespace sessionlint {

class FunctionOrdering;

class SharedAcrossTasksCheck : public clang::tidy::ClangTidyCheck {
public:
  SharedAcrossTasksCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Parses a list option; a malformed one is a configuration error that
  /// disables the check rather than being silently ignored.
  NameList parseOption(llvm::StringRef Option, llvm::StringRef Value);
  void analyseFunction(const clang::Decl *Function,
                       llvm::ArrayRef<SpawnSite> Sites);
  void report(const SpawnSite &Site, const ReachedSession &Reached,
              const struct ConcurrentUse &Use, llvm::ArrayRef<SpawnSite> Sites);
  void reportEscape(const SpawnSite &Site, const ReachedSession &Reached,
                    const clang::Expr *DetachedAt);
  std::string typeName(const clang::ValueDecl *Session) const;

  const std::string SessionTypesOption;
  const std::string SafeTypesOption;
  bool OptionsValid = true;
  std::unique_ptr<SessionTypeClassifier> Types;

  clang::ASTContext *Ctx = nullptr;
  /// Spawn sites found by the matchers, grouped by the function that
  /// contains them, in the order the functions were met.
  llvm::MapVector<const clang::Decl *, std::vector<SpawnSite>> Pending;
};

} // namespace sessionlint

#endif
