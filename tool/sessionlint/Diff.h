//===--- Diff.h - which lines a change touches ------------------*- C++ -*-===//
//
// Diff mode reports a finding when its primary location or any of its
// notes falls on a line the change adds or modifies (a finding whose task
// starts in old code but whose racing use is new is the change's finding).
// Lines are those of the new side of a unified diff; a hunk that only
// deletes marks the line after the deletion.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_TOOL_DIFF_H
#define SESSIONLINT_TOOL_DIFF_H

#include "Finding.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

namespace sessionlint::cli {

/// Canonical absolute path -> changed lines of the new version.
using ChangedLines = llvm::StringMap<llvm::DenseSet<unsigned>>;

/// Parses a unified diff (`git diff`, `diff -u`); paths are resolved
/// against BaseDir after stripping git's `a/` / `b/` prefixes.
llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Text,
                                              llvm::StringRef BaseDir);

/// `git diff --unified=0 Rev` in the repository containing the current
/// directory; paths are resolved against the repository's top level.
llvm::Expected<ChangedLines> gitDiff(llvm::StringRef Rev);

bool touchesChange(const Finding &F, const ChangedLines &Changes);

/// Path with symbolic links resolved when it exists (git reports real
/// paths; a build may name the same file through a link).
std::string canonicalPath(llvm::StringRef Path);

} // namespace sessionlint::cli

#endif
