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

std::string mmss(double Seconds) {
  unsigned S = static_cast<unsigned>(Seconds + 0.5);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::format("%02u:%02u", S / 60, S % 60);
  return Out;
}

} // namespace

ScanResult scan(const tooling::CompilationDatabase &DB,
                const std::vector<std::string> &Files,
                const OptionsFactory &MakeOptions, const ScanOptions &Options,
                SourceCache &Sources) {
  std::vector<FileOutcome> Outcomes(Files.size());
  std::atomic<size_t> Next{0};
  std::atomic<unsigned> Done{0}, FindingsSoFar{0};
  std::vector<char> FromCache(Files.size(), 0);
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

  unsigned Jobs = std::max(1u, std::min<unsigned>(Options.Jobs, Files.size()));
  // Each thread's worker, made up front so that a prestarted one is
  // always taken over (and ended) even if its thread never needs it.
  std::vector<std::optional<WorkerProcess>> Children(Jobs);
  for (unsigned T = 0; T < Options.Prestarted.size(); ++T) {
    if (T < Jobs)
      Children[T].emplace(Options.WorkerCommand, Options.Prestarted[T]);
    else
      WorkerProcess(Options.WorkerCommand, Options.Prestarted[T]); // Ends it.
  }

  auto Worker = [&](unsigned Thread) {
    std::optional<FileAnalyser> InProcess;
    std::optional<WorkerProcess> &Child = Children[Thread];
    while (!Stop) {
      size_t I = Next++;
      if (I >= Files.size())
        return;
      FileOutcome &Out = Outcomes[I];
      std::string Key;
      std::optional<FileOutcome> Kept;
      if (Options.Cache) {
        Key = Options.Cache->key(DB.getCompileCommands(Files[I]),
                                 Options.ConfigurationOf(Files[I]));
        Kept = Options.Cache->lookup(Key);
      }
      if (Kept) {
        Out = std::move(*Kept);
        FromCache[I] = 1;
      } else {
        // A worker starts only for the first file the cache does not hold.
        if (!InProcess && !Child) {
          if (Options.WorkerCommand.empty())
            InProcess.emplace(DB, MakeOptions);
          else
            Child.emplace(Options.WorkerCommand);
        }
        Out = InProcess ? InProcess->analyse(Files[I]) : Child->analyse(Files[I]);
        if (Options.Cache)
          Options.Cache->store(Key, Out);
      }
      if (Out.ConfigError)
        Stop = true;
      FindingsSoFar += Out.Findings.size();
      // A crash is sessionlint's fault, not the file's: the others are
      // still analysed, with or without --keep-going.
      if (Out.Failed && !Out.Crash && !Options.KeepGoing)
        Stop = true;
      ++Done;
      DrawProgress();
    }
  };

  std::vector<std::thread> Threads;
  for (unsigned T = 1; T < Jobs; ++T)
    Threads.emplace_back(Worker, T);
  Worker(0);
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
      if ((Outcomes[I].Failed && !Outcomes[I].Crash) ||
          Outcomes[I].ConfigError) {
        Last = I + 1;
        break;
      }
  ScanResult Result;
  for (size_t I = 0; I < Files.size(); ++I) {
    FileOutcome &Out = Outcomes[I];
    if ((!Out.Analysed && !Out.Crash) || I >= Last) {
      ++Result.FilesSkipped;
      Result.NotAnalysedFiles.push_back(
          {Files[I], "the scan stopped at an earlier file that failed "
                     "(--keep-going analyses it)"});
      continue;
    }
    if (Out.ConfigError && !Result.ConfigError)
      Result.ConfigError = Out.ConfigError;
    for (Finding &F : Out.Findings)
      Result.Findings.push_back(std::move(F));
    if (Out.Crash) {
      Result.FailedFiles.push_back({Files[I], *Out.Crash});
      Result.NotAnalysedFiles.push_back({Files[I], *Out.Crash});
      continue;
    }
    ++Result.FilesAnalysed;
    Result.FilesFromCache += FromCache[I];
    for (std::string &E : Out.CompileErrors)
      Result.CompileErrors.push_back(E);
    if (Out.Failed) {
      Result.FailedFiles.push_back(
          {Files[I], "it does not compile (errors above)"});
      Result.NotAnalysedFiles.push_back(
          {Files[I], Out.CompileErrors.empty()
                         ? std::string("it does not compile")
                         : "it does not compile: " + Out.CompileErrors.front()});
    }
  }
  // A header included by several files yields the same finding from each.
  std::sort(Result.Findings.begin(), Result.Findings.end());
  Result.Findings.erase(
      std::unique(Result.Findings.begin(), Result.Findings.end()),
      Result.Findings.end());
  return Result;
}

} // namespace sessionlint::cli
