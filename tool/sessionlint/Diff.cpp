#include "Diff.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace sessionlint::cli {
namespace {

/// Runs git with Args; its stdout, or an error with its stderr's first line.
llvm::Expected<std::string> runGit(llvm::ArrayRef<llvm::StringRef> Args) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return llvm::createStringError(Git.getError(), "git not found in PATH");
  llvm::SmallString<128> Out, Err;
  if (auto EC = llvm::sys::fs::createTemporaryFile("sessionlint-git", "out", Out))
    return llvm::createStringError(EC, "cannot create a temporary file");
  if (auto EC = llvm::sys::fs::createTemporaryFile("sessionlint-git", "err", Err))
    return llvm::createStringError(EC, "cannot create a temporary file");
  std::vector<llvm::StringRef> Argv{"git"};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, Out.str(), Err.str()};
  std::string ExecError;
  int RC = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects, 0, 0,
                                     &ExecError);
  auto OutText = llvm::MemoryBuffer::getFile(Out);
  auto ErrText = llvm::MemoryBuffer::getFile(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (RC != 0) {
    std::string Why = ExecError;
    if (Why.empty() && ErrText)
      Why = (*ErrText)->getBuffer().trim().split('\n').first.str();
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "git %s failed: %s",
                                   Args.empty() ? "" : Args.front().str().c_str(),
                                   Why.c_str());
  }
  return OutText ? (*OutText)->getBuffer().str() : std::string();
}

} // namespace

llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Text,
                                              llvm::StringRef BaseDir) {
  ChangedLines Changes;
  llvm::DenseSet<unsigned> *Current = nullptr;
  unsigned NewLine = 0;
  // New-side lines the hunk header promises that have not been seen yet: a
  // '+' or context line past them is not the hunk's.
  unsigned NewLeft = 0;
  bool InHunk = false, SawHeader = false;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line.consume_back("\r");
    // An added line "++ x" reads "+++ x" in a hunk that still has lines.
    if (Line.starts_with("+++ ") && !(InHunk && NewLeft > 0)) {
      SawHeader = true;
      InHunk = false;
      llvm::StringRef Path = Line.drop_front(4).split('\t').first.trim();
      if (Path == "/dev/null") {
        Current = nullptr;
        continue;
      }
      if (Path.starts_with("b/"))
        Path = Path.drop_front(2);
      llvm::SmallString<256> Abs(Path);
      if (!llvm::sys::path::is_absolute(Abs)) {
        Abs = BaseDir;
        llvm::sys::path::append(Abs, Path);
      }
      llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
      Current = &Changes[canonicalPath(Abs)];
      continue;
    }
    if (Line.starts_with("--- ") && !InHunk)
      continue;
    if (Line.starts_with("@@")) {
      // @@ -a,b +c,d @@
      size_t Plus = Line.find(" +");
      if (Plus == llvm::StringRef::npos || !Current)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "malformed diff hunk header: '%s'",
                                       Line.str().c_str());
      llvm::StringRef Range = Line.substr(Plus + 2).split(' ').first;
      auto [Start, Count] = Range.split(',');
      unsigned S = 0, C = 1;
      // Lines are 1-based: only an empty new side starts at 0.
      if (Start.getAsInteger(10, S) || (!Count.empty() && Count.getAsInteger(10, C)) ||
          (S == 0 && C != 0))
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "malformed diff hunk header: '%s'",
                                       Line.str().c_str());
      NewLine = S;
      NewLeft = C;
      InHunk = true;
      if (C == 0) // Only deletions: the line after them changed context.
        Current->insert(S + 1);
      continue;
    }
    if (!InHunk || !Current)
      continue;
    bool NewSide = Line.starts_with("+") || Line.starts_with(" ") || Line.empty();
    if (NewSide && NewLeft == 0) {
      InHunk = false;
    } else if (Line.starts_with("+")) {
      Current->insert(NewLine++);
      --NewLeft;
    } else if (Line.starts_with("-")) {
      // A modified line shows as - then +; a hunk that only deletes has
      // marked the line after it already.
      if (NewLine > 0)
        Current->insert(NewLine);
    } else if (NewSide) {
      ++NewLine;
      --NewLeft;
    } else if (!Line.starts_with("\\")) { // "\ No newline at end of file"
      InHunk = false;
    }
  }
  if (!SawHeader && !Text.trim().empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a unified diff (no '+++' file header)");
  return Changes;
}

llvm::Expected<ChangedLines> gitDiff(llvm::StringRef Rev) {
  llvm::Expected<std::string> Top = runGit({"rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.takeError();
  llvm::Expected<std::string> Diff =
      runGit({"diff", "--no-color", "--no-ext-diff", "--unified=0", Rev, "--"});
  if (!Diff)
    return Diff.takeError();
  return parseUnifiedDiff(*Diff, llvm::StringRef(*Top).trim());
}

std::string canonicalPath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Path, Real))
    return std::string(Real);
  return Path.str();
}

bool touchesChange(const Finding &F, const ChangedLines &Changes) {
  auto On = [&](const SourcePoint &P) {
    auto It = Changes.find(canonicalPath(P.File));
    return It != Changes.end() && It->second.contains(P.Line);
  };
  if (On(F.Where))
    return true;
  return llvm::any_of(F.Notes, [&](const FindingNote &N) { return On(N.Where); });
}

} // namespace sessionlint::cli
