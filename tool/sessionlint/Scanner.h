//===--- Scanner.h - analyse many files on several threads ------*- C++ -*-===//
//
// Each worker thread owns a ClangTidyContext (options, diagnostics) and runs
// clang-tidy's machinery on one file at a time, so a compile error is
// charged to the file whose analysis it spoiled. Results are merged and
// sorted only at the end: the output does not depend on -j or on timing.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_TOOL_SCANNER_H
#define SESSIONLINT_TOOL_SCANNER_H

#include "Finding.h"

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
};

struct ScanResult {
  /// Sorted and de-duplicated.
  std::vector<Finding> Findings;
  /// Compile errors, as "file:line:col: error: message" lines, by file.
  std::vector<std::string> CompileErrors;
  /// Files that did not compile, in the order of the input list.
  std::vector<std::string> FailedFiles;
  /// A configuration problem clang-tidy found (malformed option value).
  std::optional<std::string> ConfigError;
  unsigned FilesAnalysed = 0;
  /// Files not analysed because an earlier one failed (no --keep-going).
  unsigned FilesSkipped = 0;
};

using OptionsFactory =
    std::function<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>()>;

ScanResult scan(const clang::tooling::CompilationDatabase &DB,
                const std::vector<std::string> &Files,
                const OptionsFactory &MakeOptions, const ScanOptions &Options,
                SourceCache &Sources);

} // namespace sessionlint::cli

#endif
