//===--- FuzzOutcome.cpp - libFuzzer target: worker answers, cache entries -===//
//
// The parent reads a worker's answer line and each --cache entry with
// outcomeFromJson/outcomeFromObject: whatever a dying worker or a damaged
// cache file holds is rejected or read, never a crash, and what is read
// survives being written and read again unchanged.
//
//===----------------------------------------------------------------------===//
#include "Worker.h"

#include <cstdlib>

using namespace sessionlint::cli;

namespace {

bool same(const FileOutcome &A, const FileOutcome &B) {
  if (A.Analysed != B.Analysed || A.Failed != B.Failed ||
      A.ConfigError != B.ConfigError || A.CompileErrors != B.CompileErrors ||
      A.Findings.size() != B.Findings.size() || A.Inputs.size() != B.Inputs.size())
    return false;
  for (size_t I = 0; I < A.Inputs.size(); ++I)
    if (A.Inputs[I].Path != B.Inputs[I].Path || A.Inputs[I].Hash != B.Inputs[I].Hash)
      return false;
  for (size_t I = 0; I < A.Findings.size(); ++I)
    if (!(A.Findings[I] == B.Findings[I]))
      return false;
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::optional<FileOutcome> Read = outcomeFromJson(Text);
  if (!Read)
    return 0;
  std::optional<FileOutcome> Again = outcomeFromJson(outcomeToJson(*Read));
  if (!Again || !same(*Read, *Again))
    std::abort();
  return 0;
}
