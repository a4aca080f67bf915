//===--- Finding.h - one reported problem, as the CLI keeps it --*- C++ -*-===//
//
// The command line turns clang-tidy's diagnostics into Findings once every
// file is analysed: resolved to line and column, de-duplicated (a header
// included by many files is reported once), sorted, fingerprinted, and then
// filtered (baseline, diff) and rendered in the chosen format.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_TOOL_FINDING_H
#define SESSIONLINT_TOOL_FINDING_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace sessionlint::cli {

struct SourcePoint {
  /// Absolute path.
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;

  auto key() const { return std::tie(File, Line, Column); }
};

struct FindingNote {
  SourcePoint Where;
  std::string Message;
};

struct Finding {
  std::string Check;
  std::string Message;
  SourcePoint Where;
  std::vector<FindingNote> Notes;
  /// Stable across line shifts (see Baseline.h); set after sorting.
  std::string Fingerprint;

  /// Total order used for output: location, then check, message, notes.
  bool operator<(const Finding &O) const;
  bool operator==(const Finding &O) const;
};

/// A file whose findings are missing or incomplete, and why: the first
/// compile error, a crash, or the earlier failure that stopped the scan.
struct NotAnalysed {
  /// Absolute path.
  std::string File;
  std::string Reason;
};

/// File contents, read once and shared by the threads that resolve
/// offsets and the formats that quote source lines.
class SourceCache {
public:
  /// 1-based line and byte column of Offset in File; nothing if the file
  /// cannot be read.
  std::optional<std::pair<unsigned, unsigned>> lineColumn(llvm::StringRef File,
                                                          unsigned Offset);
  /// The text of a 1-based line, without its newline; empty if missing.
  std::string lineText(llvm::StringRef File, unsigned Line);

private:
  struct Entry {
    std::string Text;
    std::vector<unsigned> LineStarts;
    bool Readable = false;
  };
  const Entry &load(llvm::StringRef File);

  std::mutex Mutex;
  llvm::StringMap<Entry> Files;
};

/// Path as shown in machine-readable formats: relative to Root when under
/// it, with '/' separators; otherwise as is.
std::string displayPath(llvm::StringRef File, llvm::StringRef Root);

} // namespace sessionlint::cli

#endif
