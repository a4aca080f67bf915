//===--- FuzzDiff.cpp - libFuzzer target: unified diffs (--diff) ----------===//
//
// Any bytes given as --diff: an error or a set of changed lines, never a
// crash; every line it names is one a finding can stand on.
//
//===----------------------------------------------------------------------===//
#include "Diff.h"

#include <cstdlib>

using namespace sessionlint::cli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<ChangedLines> Changes = parseUnifiedDiff(Text, "/fuzz/base");
  if (!Changes) {
    llvm::consumeError(Changes.takeError());
    return 0;
  }
  for (const auto &Entry : *Changes)
    for (unsigned Line : Entry.getValue()) {
      if (Line == 0)
        std::abort(); // Lines are 1-based.
      Finding F;
      F.Where = {Entry.getKey().str(), Line, 1};
      if (!touchesChange(F, *Changes))
        std::abort();
    }
  return 0;
}
