// clangd with sessionlint's checks linked in. Everything else is clangd's
// own main; the checks register through SessionLintModule.cpp, and
// DefaultChecks.cpp turns them on by default.
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace {

/// clangd looks for its built-in headers in <executable>/../lib/clang/N,
/// which holds for an LLVM install but not for this bundle in a build tree
/// or under an install prefix of its own. Unless the user chose a resource
/// directory, point clangd at the one of the LLVM the bundle was built with.
bool needsResourceDir(int argc, char *argv[]) {
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]).ltrim('-').starts_with("resource-dir"))
      return false;
  std::string Self = llvm::sys::fs::getMainExecutable(
      argv[0], reinterpret_cast<void *>(&needsResourceDir));
  llvm::SmallString<256> Own(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Self)));
  llvm::sys::path::append(Own, "lib", "clang",
                          llvm::sys::path::filename(SESSIONLINT_CLANG_RESOURCE_DIR));
  // Debian leaves an empty /usr/lib/clang/N: look for a header, not the folder.
  llvm::sys::path::append(Own, "include", "stddef.h");
  return !llvm::sys::fs::exists(Own) &&
         llvm::sys::fs::is_directory(SESSIONLINT_CLANG_RESOURCE_DIR);
}

} // namespace

int main(int argc, char *argv[]) {
  if (!needsResourceDir(argc, argv))
    return clang::clangd::clangdMain(argc, argv);
  static char Flag[] = "--resource-dir=" SESSIONLINT_CLANG_RESOURCE_DIR;
  std::vector<char *> Args(argv, argv + argc);
  Args.insert(Args.begin() + 1, Flag);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(argc + 1, Args.data());
}
