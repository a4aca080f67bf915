//===--- FuzzBaseline.cpp - libFuzzer target: baseline files --------------===//
//
// Any bytes given as --baseline: an error or a baseline, never a crash. A
// baseline that parses survives being written and read again.
//
//===----------------------------------------------------------------------===//
#include "Baseline.h"

#include <cstdlib>

using namespace sessionlint::cli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<Baseline> Read = parseBaseline(Text, "fuzz");
  if (!Read) {
    llvm::consumeError(Read.takeError());
    return 0;
  }
  std::vector<Finding> Findings;
  for (const auto &Entry : *Read)
    for (unsigned I = 0; I < Entry.getValue(); ++I) {
      Finding F;
      F.Check = "sessionlint-shared-across-tasks";
      F.Fingerprint = Entry.getKey().str();
      Findings.push_back(F);
    }
  llvm::Expected<Baseline> Again = parseBaseline(baselineText(Findings, "/"), "again");
  if (!Again || Again->size() != Read->size())
    std::abort();
  for (const auto &Entry : *Read)
    if (Again->lookup(Entry.getKey()) != Entry.getValue())
      std::abort();
  // Every finding the baseline lists is accepted.
  size_t Listed = Findings.size();
  if (applyBaseline(Findings, std::move(*Again)) != Listed || !Findings.empty())
    std::abort();
  return 0;
}
