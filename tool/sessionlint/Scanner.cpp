#include "Scanner.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

using namespace clang;
using namespace clang::tidy;

namespace sessionlint::cli {
namespace {

bool isFinding(const ClangTidyError &E) {
  return llvm::StringRef(E.DiagnosticName).starts_with("sessionlint-");
}

bool isCompileError(const ClangTidyError &E) {
  return E.DiagLevel == ClangTidyError::Error && !isFinding(E) &&
         E.DiagnosticName != "clang-tidy-config";
}

/// Diagnostics name files as the compile command did: relative paths are
/// relative to its directory.
SourcePoint pointOf(const tooling::DiagnosticMessage &M,
                    llvm::StringRef BuildDirectory, SourceCache &Sources) {
  SourcePoint P;
  llvm::SmallString<256> Path(M.FilePath);
  if (!Path.empty() && !llvm::sys::path::is_absolute(Path)) {
    Path = BuildDirectory;
    llvm::sys::path::append(Path, M.FilePath);
  }
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  P.File = std::string(Path);
  if (auto LC = Sources.lineColumn(P.File, M.FileOffset)) {
    P.Line = LC->first;
    P.Column = LC->second;
  }
  return P;
}

std::string mmss(double Seconds) {
  unsigned S = static_cast<unsigned>(Seconds + 0.5);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::format("%02u:%02u", S / 60, S % 60);
  return Out;
}

/// Results of one file, kept apart until the end.
struct FileOutcome {
  std::vector<Finding> Findings;
  std::vector<std::string> CompileErrors;
  std::optional<std::string> ConfigError;
  bool Analysed = false;
  bool Failed = false;
};

} // namespace

ScanResult scan(const tooling::CompilationDatabase &DB,
                const std::vector<std::string> &Files,
                const OptionsFactory &MakeOptions, const ScanOptions &Options,
                SourceCache &Sources) {
  std::vector<FileOutcome> Outcomes(Files.size());
  std::atomic<size_t> Next{0};
  std::atomic<unsigned> Done{0}, FindingsSoFar{0};
  std::atomic<bool> Stop{false};
  std::mutex ProgressMutex;
  auto Start = std::chrono::steady_clock::now();

  auto DrawProgress = [&] {
    if (!Options.ProgressBar)
      return;
    std::lock_guard<std::mutex> Lock(ProgressMutex);
    double Elapsed = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
    unsigned D = Done;
    double Eta = D ? Elapsed / D * (Files.size() - D) : 0;
    llvm::errs() << "\r\x1b[K[" << D << "/" << Files.size() << "] "
                 << FindingsSoFar << (FindingsSoFar == 1 ? " finding" : " findings")
                 << ", " << mmss(Elapsed) << " elapsed"
                 << (D ? ", ETA " + mmss(Eta) : std::string()) << " ";
  };

  auto Worker = [&] {
    ClangTidyContext Context(MakeOptions());
    // A file system with this thread's own working directory: the shared
    // real one changes the process's, which each compile command sets.
    auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
        llvm::vfs::createPhysicalFileSystem());
    while (!Stop) {
      size_t I = Next++;
      if (I >= Files.size())
        return;
      FileOutcome &Out = Outcomes[I];
      std::vector<ClangTidyError> Errors =
          runClangTidy(Context, DB, {Files[I]}, FS, /*ApplyAnyFix=*/false);
      Out.Analysed = true;
      for (const ClangTidyError &E : Errors) {
        if (E.DiagnosticName == "clang-tidy-config") {
          Out.ConfigError = E.Message.Message;
          Stop = true;
          continue;
        }
        if (isFinding(E)) {
          Finding F;
          F.Check = E.DiagnosticName;
          F.Message = E.Message.Message;
          F.Where = pointOf(E.Message, E.BuildDirectory, Sources);
          for (const tooling::DiagnosticMessage &N : E.Notes)
            F.Notes.push_back({pointOf(N, E.BuildDirectory, Sources), N.Message});
          Out.Findings.push_back(std::move(F));
          ++FindingsSoFar;
        } else if (isCompileError(E)) {
          Out.Failed = true;
          SourcePoint P = pointOf(E.Message, E.BuildDirectory, Sources);
          std::string Line;
          llvm::raw_string_ostream OS(Line);
          if (!P.File.empty())
            OS << P.File << ":" << P.Line << ":" << P.Column << ": ";
          OS << "error: " << E.Message.Message;
          Out.CompileErrors.push_back(Line);
        }
      }
      if (Out.Failed && !Options.KeepGoing)
        Stop = true;
      ++Done;
      DrawProgress();
    }
  };

  unsigned Jobs = std::max(1u, std::min<unsigned>(Options.Jobs, Files.size()));
  std::vector<std::thread> Threads;
  for (unsigned T = 1; T < Jobs; ++T)
    Threads.emplace_back(Worker);
  Worker();
  for (std::thread &T : Threads)
    T.join();
  if (Options.ProgressBar)
    llvm::errs() << "\r\x1b[K";

  // Without --keep-going the scan stops at the first file that fails, in
  // list order: whatever later files other threads already finished is
  // dropped too, so the output does not depend on -j.
  size_t Last = Files.size();
  if (!Options.KeepGoing)
    for (size_t I = 0; I < Files.size(); ++I)
      if (Outcomes[I].Failed || Outcomes[I].ConfigError) {
        Last = I + 1;
        break;
      }
  ScanResult Result;
  for (size_t I = 0; I < Files.size(); ++I) {
    FileOutcome &Out = Outcomes[I];
    if (!Out.Analysed || I >= Last) {
      ++Result.FilesSkipped;
      continue;
    }
    ++Result.FilesAnalysed;
    if (Out.ConfigError && !Result.ConfigError)
      Result.ConfigError = Out.ConfigError;
    for (Finding &F : Out.Findings)
      Result.Findings.push_back(std::move(F));
    for (std::string &E : Out.CompileErrors)
      Result.CompileErrors.push_back(std::move(E));
    if (Out.Failed)
      Result.FailedFiles.push_back(Files[I]);
  }
  // A header included by several files yields the same finding from each.
  std::sort(Result.Findings.begin(), Result.Findings.end());
  Result.Findings.erase(
      std::unique(Result.Findings.begin(), Result.Findings.end()),
      Result.Findings.end());
  return Result;
}

} // namespace sessionlint::cli
