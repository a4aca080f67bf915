//===--- Output.h - findings in each output format --------------*- C++ -*-===//
//
// text (clang style, with the source line, colour on a terminal), json
// (docs/cli.md and docs/sessionlint-output.schema.json), sarif (SARIF
// 2.1.0, streamed: its memory does not grow with the findings), github (workflow commands that
// annotate a pull request), codeclimate (GitLab code quality). Machine
// formats use paths relative to the root directory and no timestamps, so the
// same input gives the same bytes.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_TOOL_OUTPUT_H
#define SESSIONLINT_TOOL_OUTPUT_H

#include "Finding.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

namespace sessionlint::cli {

enum class Format { Text, Json, Sarif, Github, CodeClimate };

std::optional<Format> parseFormat(llvm::StringRef Name);

struct RenderOptions {
  Format Kind = Format::Text;
  /// Paths in machine formats are relative to this directory.
  std::string Root;
  bool Colour = false;
  /// Where the check documentation lives, for SARIF help links.
  std::string DocsUrl;
  unsigned FilesAnalysed = 0;
  /// Files the findings do not cover: machine formats say so, so that a
  /// consumer can tell "clean" from "not analysed".
  std::vector<NotAnalysed> NotAnalysedFiles;
};

/// Path percent-encoded for a file:// URI (RFC 3986).
std::string encodeUriPath(llvm::StringRef Path);

void render(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
            const RenderOptions &Options, SourceCache &Sources);

} // namespace sessionlint::cli

#endif
