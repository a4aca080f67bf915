//===--- Worker.h - analyse files in a child process ------------*- C++ -*-===//
//
// Each -j slot of a scan is a child process (`sessionlint --internal-worker`
// with the parent's own arguments) that analyses one file at a time: the
// parent writes a path on the child's stdin, the child answers with one line
// of JSON, the outcome of that file. A crash in clang or in a check (a
// stack overflow on a pathological expression, an assertion) ends only that
// child: the parent reports the file it was working on as not analysed,
// keeps every other file's results and starts a new child for the rest.
// Memory is returned to the system with each child, too.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_TOOL_WORKER_H
#define SESSIONLINT_TOOL_WORKER_H

#include "Finding.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/JSON.h"
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sessionlint::cli {

/// A file an analysis read, and the hash of the bytes it read
/// (ResultCache.h).
struct InputFile {
  /// Absolute.
  std::string Path;
  std::string Hash;
};

/// What analysing one file gave.
struct FileOutcome {
  std::vector<Finding> Findings;
  /// "file:line:col: error: message" lines.
  std::vector<std::string> CompileErrors;
  std::optional<std::string> ConfigError;
  /// Analysis finished (with or without compile errors).
  bool Analysed = false;
  /// The file does not compile, or its analysis crashed.
  bool Failed = false;
  /// Why the file was not analysed, when its analysis crashed.
  std::optional<std::string> Crash;
  /// Every file the analysis read, once each; empty when one changed while
  /// it was read (the outcome is then not worth keeping).
  std::vector<InputFile> Inputs;
};

llvm::json::Object outcomeToObject(const FileOutcome &Outcome);
/// Nothing when the object is not an outcome.
std::optional<FileOutcome> outcomeFromObject(const llvm::json::Object &Doc);
/// One line of JSON, the worker protocol's answer.
std::string outcomeToJson(const FileOutcome &Outcome);
std::optional<FileOutcome> outcomeFromJson(llvm::StringRef Line);

/// Makes the options provider for one analyser, reading .clang-tidy files
/// through FS: the analyser's file system, whose working directory is the
/// compile command's, so that a header named relative to it (`#include
/// "backends/gsql/ssql.hh"` with `-I.`) finds its configuration.
using OptionsFactory = std::function<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>(
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)>;

/// Analyses files in this process, one at a time, with one clang-tidy
/// context for all of them.
class FileAnalyser {
public:
  FileAnalyser(const clang::tooling::CompilationDatabase &DB,
               const OptionsFactory &MakeOptions);
  ~FileAnalyser();
  FileOutcome analyse(const std::string &File);

private:
  struct State;
  const clang::tooling::CompilationDatabase &DB;
  std::unique_ptr<State> S;
};

/// The child's side: reads paths from stdin until it closes, answers each
/// with outcomeToJson on what was stdout when it started. Returns the exit
/// code.
int runWorker(const clang::tooling::CompilationDatabase &DB,
              const OptionsFactory &MakeOptions);

/// A child's end of the conversation, as the parent holds it.
struct ChildPipes {
  int Pid = -1;
  int ToChild = -1;
  std::FILE *FromChild = nullptr;
};

/// Forks a worker that runs Main (the worker loop, runWorker) on pipes, and
/// exits with what it returns. No exec: the child already has every library
/// loaded and relocated, which a fresh process pays for again (about 20 ms,
/// most of a small file's analysis). Only while this process has a single
/// thread; a worker that must be restarted later is started with exec
/// (WorkerProcess). Null when fork fails.
std::optional<ChildPipes> forkWorker(const std::function<int()> &Main);

/// A running child, as the parent sees it.
class WorkerProcess {
public:
  explicit WorkerProcess(std::vector<std::string> Command)
      : Command(std::move(Command)) {}
  /// Takes over a child forkWorker started.
  WorkerProcess(std::vector<std::string> Command, const ChildPipes &Started)
      : Command(std::move(Command)), Pid(Started.Pid), ToChild(Started.ToChild),
        FromChild(Started.FromChild) {}
  ~WorkerProcess();
  WorkerProcess(const WorkerProcess &) = delete;
  WorkerProcess &operator=(const WorkerProcess &) = delete;

  /// Analyses File in the child, starting one if none runs. When the child
  /// dies on the way, the outcome says so (Crash) and the next call starts
  /// a new child.
  FileOutcome analyse(const std::string &File);

private:
  bool start(std::string &Error);
  /// Waits for the child and describes how it ended.
  std::string reap();

  std::vector<std::string> Command;
  int Pid = -1;
  int ToChild = -1;
  std::FILE *FromChild = nullptr;
};

} // namespace sessionlint::cli

#endif
