#include "Worker.h"
#include "ResultCache.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/thread.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace clang;
using namespace clang::tidy;

namespace sessionlint::cli {
namespace {

/// Clang and the checks recurse on deep expressions; a file with a
/// 100,000-operand chain needs far more than the 8 MB a process starts
/// with. Address space is reserved, not used, until a file needs it.
constexpr unsigned AnalysisStackSize = 1024u << 20;

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

llvm::json::Object pointToJson(const SourcePoint &P) {
  return llvm::json::Object{{"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}

bool pointFromJson(const llvm::json::Object *O, SourcePoint &P) {
  if (!O)
    return false;
  std::optional<llvm::StringRef> File = O->getString("file");
  std::optional<int64_t> Line = O->getInteger("line"), Column = O->getInteger("column");
  if (!File || !Line || !Column)
    return false;
  P.File = File->str();
  P.Line = *Line;
  P.Column = *Column;
  return true;
}

/// write() until done; false when the reader is gone.
bool writeAll(int FD, llvm::StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = ::write(FD, Data.data(), Data.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data = Data.drop_front(N);
  }
  return true;
}

/// Passes every read through, and notes what was read: the path and the
/// hash of the bytes Clang got, so that the result cache checks the very
/// content the outcome came from, not what the file holds later.
class ReadRecorder : public llvm::vfs::ProxyFileSystem {
public:
  explicit ReadRecorder(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)
      : ProxyFileSystem(std::move(FS)) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto Opened = ProxyFileSystem::openFileForRead(Path);
    if (!Opened)
      return Opened;
    llvm::SmallString<256> Abs;
    Path.toVector(Abs);
    if (makeAbsolute(Abs))
      Consistent = false; // A read we could not check again.
    return std::unique_ptr<llvm::vfs::File>(
        new HashingFile(std::move(*Opened), std::string(Abs), *this));
  }

  /// Each file once; nothing when a file gave different bytes on two reads.
  std::vector<InputFile> takeInputs() {
    std::vector<InputFile> Out;
    if (!Consistent)
      return Out;
    for (const auto &Entry : Read)
      Out.push_back({Entry.getKey().str(), Entry.getValue()});
    std::sort(Out.begin(), Out.end(), [](const InputFile &A, const InputFile &B) {
      return A.Path < B.Path;
    });
    return Out;
  }

private:
  class HashingFile : public llvm::vfs::File {
  public:
    HashingFile(std::unique_ptr<llvm::vfs::File> Inner, std::string Path,
                ReadRecorder &Owner)
        : Inner(std::move(Inner)), Path(std::move(Path)), Owner(Owner) {}
    llvm::ErrorOr<llvm::vfs::Status> status() override { return Inner->status(); }
    llvm::ErrorOr<std::string> getName() override { return Inner->getName(); }
    std::error_code close() override { return Inner->close(); }
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
    getBuffer(const llvm::Twine &Name, int64_t FileSize,
              bool RequiresNullTerminator, bool IsVolatile) override {
      auto Buffer =
          Inner->getBuffer(Name, FileSize, RequiresNullTerminator, IsVolatile);
      if (Buffer)
        Owner.noteRead(Path, contentHash((*Buffer)->getBuffer()));
      return Buffer;
    }

  private:
    std::unique_ptr<llvm::vfs::File> Inner;
    std::string Path;
    ReadRecorder &Owner;
  };

  void noteRead(llvm::StringRef Path, std::string Hash) {
    auto [It, New] = Read.try_emplace(Path, Hash);
    if (!New && It->second != Hash)
      Consistent = false;
  }

  llvm::StringMap<std::string> Read;
  bool Consistent = true;
};

} // namespace

llvm::json::Object outcomeToObject(const FileOutcome &Outcome) {
  llvm::json::Array Findings;
  for (const Finding &F : Outcome.Findings) {
    llvm::json::Array Notes;
    for (const FindingNote &N : F.Notes) {
      llvm::json::Object Note = pointToJson(N.Where);
      Note["message"] = N.Message;
      Notes.push_back(std::move(Note));
    }
    llvm::json::Object Item = pointToJson(F.Where);
    Item["check"] = F.Check;
    Item["message"] = F.Message;
    Item["notes"] = std::move(Notes);
    Findings.push_back(std::move(Item));
  }
  llvm::json::Array Errors;
  for (const std::string &E : Outcome.CompileErrors)
    Errors.push_back(E);
  llvm::json::Array Inputs;
  for (const InputFile &I : Outcome.Inputs)
    Inputs.push_back(llvm::json::Array{I.Path, I.Hash});
  llvm::json::Object Doc{{"findings", std::move(Findings)},
                         {"compileErrors", std::move(Errors)},
                         {"inputs", std::move(Inputs)},
                         {"analysed", Outcome.Analysed},
                         {"failed", Outcome.Failed}};
  if (Outcome.ConfigError)
    Doc["configError"] = *Outcome.ConfigError;
  return Doc;
}

std::string outcomeToJson(const FileOutcome &Outcome) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::json::Value(outcomeToObject(Outcome));
  return Out;
}

std::optional<FileOutcome> outcomeFromObject(const llvm::json::Object &Doc) {
  FileOutcome Out;
  Out.Analysed = Doc.getBoolean("analysed").value_or(false);
  Out.Failed = Doc.getBoolean("failed").value_or(false);
  if (std::optional<llvm::StringRef> Config = Doc.getString("configError"))
    Out.ConfigError = Config->str();
  if (const llvm::json::Array *Errors = Doc.getArray("compileErrors"))
    for (const llvm::json::Value &E : *Errors)
      if (std::optional<llvm::StringRef> Text = E.getAsString())
        Out.CompileErrors.push_back(Text->str());
  if (const llvm::json::Array *Inputs = Doc.getArray("inputs"))
    for (const llvm::json::Value &V : *Inputs) {
      const llvm::json::Array *Pair = V.getAsArray();
      if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsString() ||
          !(*Pair)[1].getAsString())
        return std::nullopt;
      Out.Inputs.push_back({(*Pair)[0].getAsString()->str(),
                            (*Pair)[1].getAsString()->str()});
    }
  const llvm::json::Array *Findings = Doc.getArray("findings");
  if (!Findings)
    return std::nullopt;
  for (const llvm::json::Value &V : *Findings) {
    const llvm::json::Object *Item = V.getAsObject();
    Finding F;
    if (!pointFromJson(Item, F.Where))
      return std::nullopt;
    F.Check = Item->getString("check").value_or("").str();
    F.Message = Item->getString("message").value_or("").str();
    if (const llvm::json::Array *Notes = Item->getArray("notes"))
      for (const llvm::json::Value &NV : *Notes) {
        FindingNote N;
        if (!pointFromJson(NV.getAsObject(), N.Where))
          return std::nullopt;
        N.Message = NV.getAsObject()->getString("message").value_or("").str();
        F.Notes.push_back(std::move(N));
      }
    Out.Findings.push_back(std::move(F));
  }
  return Out;
}

std::optional<FileOutcome> outcomeFromJson(llvm::StringRef Line) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Line);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *Doc = Parsed->getAsObject();
  if (!Doc)
    return std::nullopt;
  return outcomeFromObject(*Doc);
}

struct FileAnalyser::State {
  explicit State(const OptionsFactory &MakeOptions)
      : MakeOptions(MakeOptions),
        // A file system with this analyser's own working directory: the
        // shared real one changes the process's, which each compile command
        // sets.
        FS(llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
            llvm::vfs::createPhysicalFileSystem())) {}
  // A clang-tidy context per file: it maps each custom diagnostic ID to the
  // check that first used it, and a new file's diagnostics engine hands out
  // the same IDs for other messages, so a context kept across files names
  // the wrong check (seen on the corpus with -j1).
  OptionsFactory MakeOptions;
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS;
  SourceCache Sources;
};

FileAnalyser::FileAnalyser(const tooling::CompilationDatabase &DB,
                           const OptionsFactory &MakeOptions)
    : DB(DB), S(std::make_unique<State>(MakeOptions)) {}

FileAnalyser::~FileAnalyser() = default;

FileOutcome FileAnalyser::analyse(const std::string &File) {
  std::vector<ClangTidyError> Errors;
  auto Recorder = llvm::makeIntrusiveRefCnt<ReadRecorder>(S->FS);
  auto Base = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(Recorder);
  llvm::thread Analysis(std::optional<unsigned>(AnalysisStackSize), [&] {
    ClangTidyContext Context(S->MakeOptions(Base));
    Errors = runClangTidy(Context, DB, {File}, Base, /*ApplyAnyFix=*/false);
  });
  Analysis.join();
  FileOutcome Out;
  Out.Analysed = true;
  Out.Inputs = Recorder->takeInputs();
  for (const ClangTidyError &E : Errors) {
    if (E.DiagnosticName == "clang-tidy-config") {
      Out.ConfigError = E.Message.Message;
      continue;
    }
    if (isFinding(E)) {
      Finding F;
      F.Check = E.DiagnosticName;
      F.Message = E.Message.Message;
      F.Where = pointOf(E.Message, E.BuildDirectory, S->Sources);
      for (const tooling::DiagnosticMessage &N : E.Notes)
        F.Notes.push_back({pointOf(N, E.BuildDirectory, S->Sources), N.Message});
      Out.Findings.push_back(std::move(F));
    } else if (isCompileError(E)) {
      Out.Failed = true;
      SourcePoint P = pointOf(E.Message, E.BuildDirectory, S->Sources);
      std::string Line;
      llvm::raw_string_ostream OS(Line);
      if (!P.File.empty())
        OS << P.File << ":" << P.Line << ":" << P.Column << ": ";
      OS << "error: " << E.Message.Message;
      Out.CompileErrors.push_back(Line);
    }
  }
  return Out;
}

int runWorker(const tooling::CompilationDatabase &DB,
              const OptionsFactory &MakeOptions) {
  // The answers go on the stdout the parent gave us; anything else that
  // writes to stdout (a library) goes to stderr instead of into the
  // protocol.
  int Answers = ::dup(STDOUT_FILENO);
  if (Answers < 0)
    return 2;
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  FileAnalyser Analyser(DB, MakeOptions);
  std::string Line;
  char Buffer[4096];
  std::string Pending;
  while (true) {
    ssize_t N = ::read(STDIN_FILENO, Buffer, sizeof Buffer);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return 0;
    Pending.append(Buffer, N);
    size_t End;
    while ((End = Pending.find('\n')) != std::string::npos) {
      std::string File = Pending.substr(0, End);
      Pending.erase(0, End + 1);
      // The test suite's way to prove that a crash costs one file only
      // (test/cli/crash-isolation.test): a real crash cannot be ordered.
      if (const char *CrashOn = std::getenv("SESSIONLINT_TEST_CRASH_ON");
          CrashOn && *CrashOn && llvm::StringRef(File).contains(CrashOn))
        *static_cast<volatile int *>(nullptr) = 0; // A real fault, as a bug's.
      FileOutcome Out = Analyser.analyse(File);
      if (!writeAll(Answers, outcomeToJson(Out) + "\n"))
        return 0; // The parent is gone.
    }
  }
}

std::optional<ChildPipes> forkWorker(const std::function<int()> &Main) {
  // The parent's ends of the children forked before: a new child must not
  // hold them, or an earlier child never sees its input close.
  static std::vector<int> ParentEnds;
  int In[2], Out[2];
  if (::pipe2(In, O_CLOEXEC) != 0)
    return std::nullopt;
  if (::pipe2(Out, O_CLOEXEC) != 0) {
    ::close(In[0]);
    ::close(In[1]);
    return std::nullopt;
  }
  // What the parent has buffered would be written twice.
  llvm::outs().flush();
  llvm::errs().flush();
  std::fflush(nullptr);
  pid_t Child = ::fork();
  if (Child < 0) {
    for (int Fd : {In[0], In[1], Out[0], Out[1]})
      ::close(Fd);
    return std::nullopt;
  }
  if (Child == 0) {
    for (int Fd : ParentEnds)
      ::close(Fd);
    ::dup2(In[0], STDIN_FILENO);
    ::dup2(Out[1], STDOUT_FILENO);
    for (int Fd : {In[0], In[1], Out[0], Out[1]})
      ::close(Fd);
    int Code = Main();
    llvm::outs().flush();
    llvm::errs().flush();
    std::fflush(nullptr);
    ::_exit(Code); // Not the parent's exit handlers and destructors.
  }
  ::close(In[0]);
  ::close(Out[1]);
  ParentEnds.push_back(In[1]);
  ParentEnds.push_back(Out[0]);
  ChildPipes Pipes;
  Pipes.Pid = Child;
  Pipes.ToChild = In[1];
  Pipes.FromChild = ::fdopen(Out[0], "r");
  if (!Pipes.FromChild) {
    ::close(In[1]);
    ::close(Out[0]);
    ::waitpid(Child, nullptr, 0);
    return std::nullopt;
  }
  return Pipes;
}

WorkerProcess::~WorkerProcess() {
  if (ToChild >= 0)
    ::close(ToChild);
  if (FromChild)
    std::fclose(FromChild);
  if (Pid > 0)
    ::waitpid(Pid, nullptr, 0);
}

bool WorkerProcess::start(std::string &Error) {
  int In[2], Out[2];
  if (::pipe2(In, O_CLOEXEC) != 0) {
    Error = std::strerror(errno);
    return false;
  }
  if (::pipe2(Out, O_CLOEXEC) != 0) {
    Error = std::strerror(errno);
    ::close(In[0]);
    ::close(In[1]);
    return false;
  }
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_adddup2(&Actions, In[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&Actions, Out[1], STDOUT_FILENO);
  std::vector<char *> Argv;
  for (std::string &Arg : Command)
    Argv.push_back(Arg.data());
  Argv.push_back(nullptr);
  pid_t Child;
  int Rc = posix_spawn(&Child, Argv[0], &Actions, nullptr, Argv.data(), environ);
  posix_spawn_file_actions_destroy(&Actions);
  ::close(In[0]);
  ::close(Out[1]);
  if (Rc != 0) {
    Error = std::strerror(Rc);
    ::close(In[1]);
    ::close(Out[0]);
    return false;
  }
  Pid = Child;
  ToChild = In[1];
  FromChild = ::fdopen(Out[0], "r");
  return FromChild != nullptr;
}

std::string WorkerProcess::reap() {
  if (ToChild >= 0)
    ::close(ToChild);
  if (FromChild)
    std::fclose(FromChild);
  ToChild = -1;
  FromChild = nullptr;
  int Status = 0;
  std::string How = "stopped unexpectedly";
  if (Pid > 0 && ::waitpid(Pid, &Status, 0) == Pid) {
    if (WIFSIGNALED(Status))
      How = std::string("crashed (") + strsignal(WTERMSIG(Status)) + ")";
    else if (WIFEXITED(Status))
      How = "exited with code " + std::to_string(WEXITSTATUS(Status));
  }
  Pid = -1;
  return How;
}

FileOutcome WorkerProcess::analyse(const std::string &File) {
  FileOutcome Crashed;
  Crashed.Failed = true;
  if (Pid < 0) {
    std::string Error;
    if (!start(Error)) {
      Crashed.Crash = "cannot start a worker process: " + Error;
      return Crashed;
    }
  }
  std::string Answer;
  bool Sent = writeAll(ToChild, File + "\n");
  if (Sent) {
    char *Line = nullptr;
    size_t Capacity = 0;
    ssize_t N = ::getline(&Line, &Capacity, FromChild);
    if (N > 0)
      Answer.assign(Line, N);
    std::free(Line);
  }
  if (!Answer.empty() && Answer.back() == '\n')
    if (std::optional<FileOutcome> Out = outcomeFromJson(Answer))
      return std::move(*Out);
  Crashed.Crash = "the analysis " + reap();
  return Crashed;
}

} // namespace sessionlint::cli
