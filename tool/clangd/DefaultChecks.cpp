// The bundle's own checks run without a line of configuration.
//
// Stock clangd runs a check only when (1) the clang-tidy configuration names
// it, and with no configuration it picks ten defaults of its own, and (2) it
// is on clangd's list of checks measured fast (FastCheckFilter: Strict, the
// default), a list compiled into clangd that cannot know ours. A user who
// installs a clangd *because* it carries the sessionlint checks would meet
// neither, and see nothing.
//
// The bundle links with `-Wl,--wrap` on the two clangd functions that decide
// this (tool/CMakeLists.txt), so clangd's calls land here and `__real_` names
// the original:
//   - provideDefaultChecks(): after clangd's defaults, `sessionlint-*` is
//     added unless the configuration already names sessionlint (so
//     `-sessionlint-*` in .clang-tidy, or `Remove: sessionlint-*` in .clangd,
//     still turns them off);
//   - isFastTidyCheck(): the sessionlint checks count as fast; every other
//     check keeps clangd's verdict.
// Both callers live in other object files of libclangDaemon.a and
// libclangdMain.a than the definitions, which is what --wrap needs.
// docs/integrations/editors.md says what a user sees and how to opt out.
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace clang::clangd {
// From clangd's TidyProvider.h, which Debian does not ship. In clangd 19
// provideDefaultChecks() returns the function_ref form (its code returns the
// pair in rax:rdx); the bundle is only built against 19.
using TidyProviderRef =
    llvm::function_ref<void(tidy::ClangTidyOptions &, llvm::StringRef)>;
} // namespace clang::clangd

using clang::clangd::TidyProviderRef;

// The mangled names of clang::clangd::provideDefaultChecks() and
// clang::clangd::isFastTidyCheck(llvm::StringRef).
TidyProviderRef realDefaultChecks() asm("__real__ZN5clang6clangd20provideDefaultChecksEv");
TidyProviderRef wrappedDefaultChecks() asm("__wrap__ZN5clang6clangd20provideDefaultChecksEv");
std::optional<bool> realIsFast(llvm::StringRef Check) asm(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
std::optional<bool> wrappedIsFast(llvm::StringRef Check) asm(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");

namespace {
constexpr llvm::StringLiteral OurChecks = "sessionlint-*";
} // namespace

TidyProviderRef wrappedDefaultChecks() {
  // A function_ref refers to its callable: both live as long as the process.
  static const TidyProviderRef Clangd = realDefaultChecks();
  static const auto Ours = [](clang::tidy::ClangTidyOptions &Options, llvm::StringRef File) {
    Clangd(Options, File);
    std::string &Checks = Options.Checks ? *Options.Checks : Options.Checks.emplace();
    if (llvm::StringRef(Checks).contains("sessionlint"))
      return; // The user has decided, either way.
    if (!llvm::StringRef(Checks).trim().empty())
      Checks += ',';
    Checks += OurChecks;
  };
  return Ours;
}

std::optional<bool> wrappedIsFast(llvm::StringRef Check) {
  if (Check.starts_with("sessionlint-"))
    return true;
  return realIsFast(Check);
}
