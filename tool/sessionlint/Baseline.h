//===--- Baseline.h - fingerprints and accepted findings --------*- C++ -*-===//
//
// A fingerprint names a finding without its line numbers, so that it
// survives code moving around it: the check, the file (relative to the
// root), the message (which names the session and its type), and the text
// of every line the finding and its notes point at, with whitespace
// squeezed. Two findings that agree on all of that are told apart by their
// order in the file. A baseline is the list of fingerprints of accepted
// findings; with --baseline, only findings not in it are reported.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_TOOL_BASELINE_H
#define SESSIONLINT_TOOL_BASELINE_H

#include "Finding.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

namespace sessionlint::cli {

/// Sets Fingerprint on each finding (Findings sorted).
void assignFingerprints(std::vector<Finding> &Findings, llvm::StringRef Root,
                        SourceCache &Sources);

/// Fingerprint -> how many findings with it were accepted.
using Baseline = llvm::StringMap<unsigned>;

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path);
/// The same from a baseline's text; Name is what errors call it.
llvm::Expected<Baseline> parseBaseline(llvm::StringRef Text, llvm::StringRef Name);

/// The baseline file's text for these findings (JSON, sorted).
std::string baselineText(const std::vector<Finding> &Findings,
                         llvm::StringRef Root);

/// Removes the findings the baseline accepts; returns how many.
unsigned applyBaseline(std::vector<Finding> &Findings, Baseline Accepted);

} // namespace sessionlint::cli

#endif
