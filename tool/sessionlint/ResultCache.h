//===--- ResultCache.h - replay the outcome of an unchanged file --*- C++ -*-===//
//
// `--cache DIR` keeps the outcome of each analysed file, so that a second
// scan of an unchanged tree replays it instead of parsing again. The design
// is ccache's "direct mode":
//
//  - The key of a file is everything that decides its outcome before any
//    file is read: the sessionlint executable (its content, so a rebuilt
//    analysis never replays an old one's results), the Clang version, the
//    file's compile commands as the analyser gets them (--extra-arg
//    included), its effective configuration (every `.clang-tidy` on its
//    path, --config, --checks, --header-filter, merged), and the
//    environment variables that change include paths.
//  - The entry under the key also lists every file the analysis read (the
//    source, each header, the `.clang-tidy` files) with the hash of exactly
//    the bytes it read (Worker.cpp records them as Clang reads them). A
//    lookup hashes those files again: one changed byte in any of them is a
//    miss, and the file is analysed and its entry replaced.
//
// Only complete outcomes are kept: a file that does not compile, or whose
// analysis crashed or met a configuration error, is analysed again next
// time. Entries are written to a temporary file and renamed into place, so
// parallel scans can share one directory: a reader sees a whole entry or
// none, and an entry that does not parse is a miss, never an error.
//
// Not seen: a new header that would now be found earlier on the include
// path than the one the analysis read (ccache has the same blind spot);
// delete the directory after adding one that shadows another.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_TOOL_RESULTCACHE_H
#define SESSIONLINT_TOOL_RESULTCACHE_H

#include "Worker.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <atomic>
#include <mutex>
#include <optional>
#include <string>

namespace sessionlint::cli {

/// The hash the cache keeps of a file's content (32 hex digits).
std::string contentHash(llvm::StringRef Bytes);

class ResultCache {
public:
  /// Creates Dir if needed; fails with one line when it cannot be used.
  /// Executable is the running sessionlint, part of every key.
  static llvm::Expected<std::unique_ptr<ResultCache>>
  open(llvm::StringRef Dir, llvm::StringRef Executable);

  /// The key of a file analysed with these commands and this effective
  /// configuration (clang-tidy's YAML of it).
  std::string key(const std::vector<clang::tooling::CompileCommand> &Commands,
                  llvm::StringRef Configuration) const;

  /// The outcome kept under Key, when every file it read is unchanged.
  std::optional<FileOutcome> lookup(llvm::StringRef Key);

  /// Keeps a complete outcome (see above; others are ignored). A failure to
  /// write costs the next scan time, not this one's results: it is
  /// remembered for writeError() and the scan goes on.
  void store(llvm::StringRef Key, const FileOutcome &Outcome);

  /// The first write that failed, for one warning at the end.
  std::optional<std::string> writeError();

private:
  ResultCache(std::string Dir, std::string Identity)
      : Dir(std::move(Dir)), Identity(std::move(Identity)) {}
  std::string entryPath(llvm::StringRef Key) const;
  /// The hash of Path's content now, read once per scan; nothing when it
  /// cannot be read.
  std::optional<std::string> currentHash(const std::string &Path);

  std::string Dir;
  std::string Identity;
  std::mutex Mutex;
  llvm::StringMap<std::optional<std::string>> Hashes;
  std::optional<std::string> FirstWriteError;
};

} // namespace sessionlint::cli

#endif
