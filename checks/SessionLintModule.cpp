//===--- SessionLintModule.cpp - the "sessionlint" clang-tidy module ------===//
//
// One registration for every front end: the CLI, the clangd bundle and the
// clang-tidy plugin all link this object. The plugin may be loaded into a
// clang-tidy of another LLVM version, where the registry and AST layouts
// differ and the checks would silently do nothing or crash: refuse loudly.
//
//===----------------------------------------------------------------------===//
#include "ConcurrentOperationsCheck.h"
#include "SharedAcrossTasksCheck.h"
#include "ThreadAffinityCheck.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/Version.h"
#if CLANG_VERSION_MAJOR < 22
// Merged into ClangTidyModule.h in 22 (and deprecated there).
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <optional>

namespace sessionlint {
namespace {

class SessionLintModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<ConcurrentOperationsCheck>(
        "sessionlint-concurrent-operations");
    Factories.registerCheck<SharedAcrossTasksCheck>(
        "sessionlint-shared-across-tasks");
    Factories.registerCheck<ThreadAffinityCheck>(
        "sessionlint-thread-affinity");
  }
};

/// "version 19." must appear in the host's version string.
bool hostMatchesBuild() {
  std::string Host = clang::getClangFullVersion();
  std::string Wanted = "version " + std::to_string(CLANG_VERSION_MAJOR) + ".";
  return Host.find(Wanted) != std::string::npos;
}

struct Registration {
  Registration() {
    if (!hostMatchesBuild()) {
      llvm::errs() << "error: sessionlint was built for clang "
                   << CLANG_VERSION_STRING << " but loaded into '"
                   << clang::getClangFullVersion()
                   << "'; rebuild sessionlint against this clang\n";
      std::exit(2);
    }
    Module.emplace("sessionlint-module",
                   "Finds database and network sessions shared between "
                   "concurrently running tasks.");
  }
  std::optional<clang::tidy::ClangTidyModuleRegistry::Add<SessionLintModule>>
      Module;
};

Registration TheRegistration;

} // namespace
} // namespace sessionlint

// Referenced by front ends that link the module statically, so the linker
// keeps this object.
volatile int SessionLintModuleAnchorSource = 0;
