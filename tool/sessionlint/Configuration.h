//===--- Configuration.h - a configuration that applies, or an error -*- C++ -*-===//
//
// clang-tidy forgives a lot: a `.clang-tidy` with a YAML error is skipped in
// favour of its parent's (or the defaults), a misspelled option name is
// ignored, and a configuration that enables no sessionlint check runs
// nothing and reports nothing. Each would let a CI lint step pass after
// doing nothing, so the command line checks, before any file is analysed,
// the configuration every file will get:
//
//  - every `.clang-tidy` between the file and the root parses;
//  - every `sessionlint-*` option name is one a sessionlint check reads
//    (an error with a "did you mean" when one is close);
//  - at least one sessionlint check is enabled.
//
// Malformed option *values* are the checks' own business (SessionTypes.h):
// they report them when the first file is analysed.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_TOOL_CONFIGURATION_H
#define SESSIONLINT_TOOL_CONFIGURATION_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace sessionlint::cli {

/// Fails with one line naming the configuration file (or --config) and
/// what is wrong. ReadFiles: the `.clang-tidy` files on each file's path
/// are used (no --config / --config-file).
llvm::Error validateConfiguration(clang::tidy::ClangTidyOptionsProvider &Provider,
                                  const std::vector<std::string> &Files,
                                  bool ReadFiles);

/// Parses a configuration text; the error names Source and the position.
llvm::Expected<clang::tidy::ClangTidyOptions>
parseConfigurationText(llvm::StringRef Text, llvm::StringRef Source);

} // namespace sessionlint::cli

#endif
