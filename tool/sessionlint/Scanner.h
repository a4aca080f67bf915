//===--- Scanner.h - analyse many files on several threads ------*- C++ -*-===//
//
// Each -j slot analyses one file at a time, in a worker process of its own
// (Worker.h), so a compile error is charged to the file whose analysis it
// spoiled and a crash costs only the file that caused it. Results are
// merged and sorted only at the end: the output does not depend on -j or on
// timing.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_TOOL_SCANNER_H
#define SESSIONLINT_TOOL_SCANNER_H

#include "Finding.h"
#include "ResultCache.h"
#include "Worker.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <functional>
#include <memory>

namespace sessionlint::cli {

struct ScanOptions {
  unsigned Jobs = 1;
  /// Analyse every file even after one fails to compile.
  bool KeepGoing = false;
  /// Redraw a progress line on stderr (a terminal).
  bool ProgressBar = false;
  /// The command line of a worker process; empty: analyse in this process.
  std::vector<std::string> WorkerCommand;
  /// Workers already running (forkWorker), one per thread from the first;
  /// a thread without one, or whose worker died, starts WorkerCommand.
  std::vector<ChildPipes> Prestarted;
  /// Outcomes of unchanged files are replayed from here (--cache).
  ResultCache *Cache = nullptr;
  /// A file's effective configuration as text, part of its cache key.
  std::function<std::string(llvm::StringRef File)> ConfigurationOf;
};



struct ScanResult {
  /// Sorted and de-duplicated.
  std::vector<Finding> Findings;
  /// Compile errors, as "file:line:col: error: message" lines, by file.
  std::vector<std::string> CompileErrors;
  /// Files that did not compile or whose analysis crashed, in the order of
  /// the input list, with the reason for the summary line.
  std::vector<NotAnalysed> FailedFiles;
  /// Every file whose results are missing or incomplete: failed, crashed,
  /// or skipped after an earlier failure; for the machine-readable outputs.
  std::vector<NotAnalysed> NotAnalysedFiles;
  /// A configuration problem clang-tidy found (malformed option value).
  std::optional<std::string> ConfigError;
  /// Includes the files replayed from the cache.
  unsigned FilesAnalysed = 0;
  unsigned FilesFromCache = 0;
  /// Files not analysed because an earlier one failed (no --keep-going).
  unsigned FilesSkipped = 0;
};

ScanResult scan(const clang::tooling::CompilationDatabase &DB,
                const std::vector<std::string> &Files,
                const OptionsFactory &MakeOptions, const ScanOptions &Options,
                SourceCache &Sources);

} // namespace sessionlint::cli

#endif
