//===--- Main.cpp - the sessionlint command-line tool ---------------------===//
//
// Runs the sessionlint checks over a compilation database, named files, or
// compiler arguments after `--`, through clang-tidy's own machinery, so
// NOLINT, .clang-tidy files and header filtering behave exactly as users know
// them from clang-tidy. Files are analysed on -j threads (Scanner.h); the
// findings are then filtered by a baseline or a diff and rendered in the
// chosen format (Output.h). This file never reaches into the checks.
//
// Exit codes (docs/cli.md):
//   0  no findings (or all accepted by the baseline, or outside the diff)
//   1  findings
//   2  usage or configuration error (bad flag, no compilation database,
//      unreadable file, malformed option, baseline or diff)
//   3  a file could not be analysed (compile errors), findings or not
//
//===----------------------------------------------------------------------===//
#include "Baseline.h"
#include "Compat.h"
#include "Configuration.h"
#include "Database.h"
#include "Diff.h"
#include "Output.h"
#include "ResultCache.h"
#include "Scanner.h"
#include "SessionLintCheck.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Basic/Version.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <csignal>

using namespace clang;
using namespace clang::tidy;
using namespace sessionlint::cli;
namespace cl = llvm::cl;

extern volatile int SessionLintModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED SessionLintModuleAnchor =
    SessionLintModuleAnchorSource;

namespace {

enum ExitCode { Clean = 0, Findings = 1, UsageError = 2, AnalysisError = 3 };

cl::OptionCategory Category("sessionlint options");

cl::list<std::string> Inputs(cl::Positional, cl::desc("[<file or directory> ...]"),
                             cl::cat(Category));
cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory containing compile_commands.json"),
    cl::value_desc("build-dir"), cl::cat(Category));
cl::opt<std::string> Checks(
    "checks",
    cl::desc("Comma-separated globs added to the default 'sessionlint-*',\n"
             "as in clang-tidy (e.g. -sessionlint-shared-across-tasks)"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string> Config(
    "config", cl::desc("Configuration in YAML, as clang-tidy's --config"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc("Read the configuration from this file instead of .clang-tidy"),
    cl::init(""), cl::cat(Category));
cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression: report findings in headers matching it\n"
             "(default: main files only, as clang-tidy)"),
    cl::init(""), cl::cat(Category));
cl::opt<bool> SystemHeaders("system-headers",
                            cl::desc("Report findings in system headers"),
                            cl::init(false), cl::cat(Category));
cl::list<std::string> ExtraArgs("extra-arg",
                                cl::desc("Append this compiler argument"),
                                cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before", cl::desc("Prepend this compiler argument"),
    cl::cat(Category));
cl::opt<bool> Quiet("quiet",
                    cl::desc("Print no summary line and no progress bar"),
                    cl::init(false), cl::cat(Category));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Analyse this many files at once (default: "
                                "the number of cores)"),
                       cl::value_desc("N"), cl::init(0), cl::Prefix,
                       cl::cat(Category));
cl::opt<std::string> FormatName(
    "format",
    cl::desc("Output format: text (default), json, sarif, github, codeclimate"),
    cl::value_desc("name"), cl::init("text"), cl::cat(Category));
cl::opt<std::string> OutputFile(
    "output",
    cl::desc("Write the findings to FILE (atomically) instead of stdout"),
    cl::value_desc("file"), cl::init(""), cl::cat(Category));
cl::opt<std::string> RootDir(
    "root",
    cl::desc("Paths in json, sarif, github and codeclimate output and in "
             "baselines are relative to DIR (default: the current "
             "directory)"),
    cl::value_desc("dir"), cl::init(""), cl::cat(Category));
cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Report only findings not recorded in this baseline file"),
    cl::value_desc("file"), cl::init(""), cl::cat(Category));
cl::opt<std::string> WriteBaselineFile(
    "write-baseline",
    cl::desc("Record the current findings in this baseline file (they are "
             "still printed; the exit code is 0 unless a file fails)"),
    cl::value_desc("file"), cl::init(""), cl::cat(Category));
cl::opt<std::string> DiffFile(
    "diff",
    cl::desc("Unified diff ('-' for stdin): analyse the files it touches and "
             "report findings whose location or a note is on a changed line"),
    cl::value_desc("file"), cl::init(""), cl::cat(Category));
cl::opt<std::string> DiffBase(
    "diff-base",
    cl::desc("Like --diff, with the output of 'git diff REV' (working tree "
             "against REV)"),
    cl::value_desc("rev"), cl::init(""), cl::cat(Category));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Analyse only shard I of N (1-based) of the sorted file list, "
             "for CI matrices"),
    cl::value_desc("I/N"), cl::init(""), cl::cat(Category));
cl::opt<bool> KeepGoing(
    "keep-going",
    cl::desc("Analyse the remaining files after one fails to compile (the "
             "exit code is still 3)"),
    cl::init(false), cl::cat(Category));
cl::opt<std::string> CacheDir(
    "cache",
    cl::desc("Keep each file's results in DIR and replay them while the file,\n"
             "its headers, its compile command, the configuration and\n"
             "sessionlint are unchanged (safe to share between parallel runs)"),
    cl::value_desc("dir"), cl::init(""), cl::cat(Category));
cl::opt<bool> InternalWorker(
    "internal-worker",
    cl::desc("Analyse the files named on stdin, one outcome line each on "
             "stdout (how a scan runs its -j worker processes)"),
    cl::init(false), cl::Hidden, cl::cat(Category));
cl::opt<bool> InProcess(
    "in-process",
    cl::desc("Analyse in this process instead of worker processes (a crash "
             "then ends the whole scan)"),
    cl::init(false), cl::Hidden, cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the enabled checks"),
                         cl::init(false), cl::cat(Category));
cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the effective configuration, options with defaults"),
    cl::init(false), cl::cat(Category));

/// One line on stderr, the way compilers word fatal problems.
int fail(int Code, const llvm::Twine &Message) {
  llvm::errs() << "sessionlint: error: " << Message << "\n";
  return Code;
}

class ArgumentsAdjustingDatabase : public tooling::CompilationDatabase {
public:
  explicit ArgumentsAdjustingDatabase(
      std::unique_ptr<tooling::CompilationDatabase> Base)
      : Base(std::move(Base)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    return adjust(Base->getCompileCommands(File));
  }
  std::vector<std::string> getAllFiles() const override {
    return Base->getAllFiles();
  }
  std::vector<tooling::CompileCommand> getAllCompileCommands() const override {
    return adjust(Base->getAllCompileCommands());
  }

private:
  static std::vector<tooling::CompileCommand>
  adjust(std::vector<tooling::CompileCommand> Commands) {
    for (tooling::CompileCommand &Command : Commands) {
      auto &Args = Command.CommandLine;
      if (Args.empty())
        continue;
      Args.insert(Args.begin() + 1, ExtraArgsBefore.begin(),
                  ExtraArgsBefore.end());
      // Before a trailing "--" or "-- file", if the database has one.
      auto End = std::find(Args.begin(), Args.end(), "--");
      End = Args.insert(End, ExtraArgs.begin(), ExtraArgs.end()) +
            ExtraArgs.size();
      // Without carets clang does not print "N warnings generated." to
      // stderr; our own output does not depend on it.
      Args.insert(End, "-fno-caret-diagnostics");
    }
    return Commands;
  }
  std::unique_ptr<tooling::CompilationDatabase> Base;
};

std::unique_ptr<ClangTidyOptionsProvider>
makeOptionsProvider(std::string &Error,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS = nullptr) {
  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,sessionlint-*";
  // Main files only unless --header-filter or a .clang-tidy says otherwise,
  // whatever the clang-tidy version's own default (LLVM 22 reports every
  // header).
  Defaults.HeaderFilterRegex = "";
  ClangTidyOptions Overrides;
  // The static analyzer is not part of sessionlint and would only cost time.
  Overrides.Checks = Checks.empty() ? "-clang-analyzer-*"
                                    : Checks + ",-clang-analyzer-*";
  if (!HeaderFilter.empty())
    Overrides.HeaderFilterRegex = HeaderFilter;
  if (SystemHeaders)
    Overrides.SystemHeaders = true;

  if (!Config.empty() || !ConfigFile.empty()) {
    std::string Text = Config;
    if (!ConfigFile.empty()) {
      auto Buffer = llvm::MemoryBuffer::getFile(ConfigFile);
      if (!Buffer) {
        Error = "cannot read config file '" + ConfigFile +
                "': " + Buffer.getError().message();
        return nullptr;
      }
      Text = (*Buffer)->getBuffer().str();
    }
    llvm::Expected<ClangTidyOptions> Parsed = parseConfigurationText(
        Text, ConfigFile.empty() ? "--config" : ConfigFile.getValue());
    if (!Parsed) {
      Error = llvm::toString(Parsed.takeError());
      return nullptr;
    }
    return std::make_unique<ConfigOptionsProvider>(
        std::move(GlobalOptions), std::move(Defaults), std::move(*Parsed),
        std::move(Overrides), std::move(FS));
  }
  return std::make_unique<FileOptionsProvider>(
      std::move(GlobalOptions), std::move(Defaults), std::move(Overrides), std::move(FS));
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

/// Why Path cannot be analysed as a source file (missing, a directory,
/// unreadable), or nothing.
std::optional<std::string> unreadable(llvm::StringRef Path) {
  if (llvm::sys::fs::is_directory(Path))
    return std::string("it is a directory");
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return Buffer.getError().message();
  return std::nullopt;
}

/// Every file the database lists must be there: a stale entry is reported
/// before anything is analysed, never skipped or charged as a compile error.
llvm::Error checkListedFiles(const std::vector<std::string> &Files) {
  for (const std::string &File : Files)
    if (std::optional<std::string> Why = unreadable(File))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "cannot read '%s', listed in the compilation database: %s",
          File.c_str(), Why->c_str());
  return llvm::Error::success();
}

/// The files to analyse: named files as given, named directories expanded
/// to the database's files under them, nothing named: every database file.
llvm::Expected<std::vector<std::string>>
selectFiles(const tooling::CompilationDatabase &DB, bool HaveDatabaseFiles) {
  std::vector<std::string> AllFiles;
  if (HaveDatabaseFiles)
    AllFiles = DB.getAllFiles();
  if (Inputs.empty()) {
    if (AllFiles.empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "no input files and the compilation "
                                     "database lists none");
    if (llvm::Error E = checkListedFiles(AllFiles))
      return std::move(E);
    return AllFiles;
  }
  std::vector<std::string> Files;
  for (const std::string &Input : Inputs) {
    std::string Abs = absolutePath(Input);
    if (llvm::sys::fs::is_directory(Abs)) {
      size_t Before = Files.size();
      for (const std::string &F : AllFiles)
        if (llvm::StringRef(absolutePath(F)).starts_with(Abs + "/"))
          Files.push_back(F);
      if (Files.size() == Before)
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "no file of the compilation database is under '%s'", Input.c_str());
      if (llvm::Error E = checkListedFiles(
              std::vector<std::string>(Files.begin() + Before, Files.end())))
        return std::move(E);
      continue;
    }
    if (std::optional<std::string> Why = unreadable(Abs))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "cannot read '%s': %s", Input.c_str(),
                                     Why->c_str());
    if (DB.getCompileCommands(Abs).empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "no compile command for '%s'",
                                     Input.c_str());
    Files.push_back(Abs);
  }
  return Files;
}

/// "I/N" with 1 <= I <= N.
std::optional<std::pair<unsigned, unsigned>> parseShard(llvm::StringRef Text) {
  auto [I, N] = Text.split('/');
  unsigned Index = 0, Count = 0;
  if (I.getAsInteger(10, Index) || N.getAsInteger(10, Count) || Count == 0 ||
      Index == 0 || Index > Count)
    return std::nullopt;
  return std::make_pair(Index, Count);
}

/// Writes to Path through a temporary file and a rename: readers never see
/// half a file, and a failed run leaves the old file in place. The text is
/// streamed into the temporary file, never held whole in memory.
llvm::Error writeAtomically(llvm::StringRef Path,
                            llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    Write(OS);
    return llvm::Error::success();
  });
}

/// Why Path cannot receive an output file, or nothing: found before any
/// file is analysed, so that a typo in --output never costs the findings.
std::optional<std::string> unwritable(llvm::StringRef Path) {
  if (llvm::sys::fs::is_directory(Path))
    return std::string("it is a directory");
  llvm::SmallString<256> Dir(Path);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_filename(Dir);
  if (!llvm::sys::fs::is_directory(Dir))
    return ("the directory '" + Dir + "' does not exist").str();
  if (std::error_code EC = llvm::sys::fs::access(Dir, llvm::sys::fs::AccessMode::Write))
    return ("cannot write in '" + Dir + "': " + EC.message()).str();
  return std::nullopt;
}

/// Where the check documentation is, for SARIF help links: the URL the
/// build was given (SESSIONLINT_DOCS_URL), else the documentation installed
/// next to this executable (<prefix>/share/doc/sessionlint/checks, the
/// .deb's /usr too), else the source tree's, for a build tree.
std::string docsUrl(llvm::StringRef Self) {
  if (!llvm::StringRef(SESSIONLINT_DOCS_URL).empty())
    return SESSIONLINT_DOCS_URL;
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Self)));
  llvm::sys::path::append(Dir, "share", "doc", "sessionlint", "checks");
  if (!llvm::sys::fs::is_directory(Dir))
    Dir = SESSIONLINT_SOURCE_DOCS;
  return "file://" + encodeUriPath(Dir) + "/";
}

} // namespace

int main(int argc, const char **argv) {
  llvm::InitLLVM X(argc, argv);
  // Only sessionlint's checks are built in: their matchers can skip the
  // declarations of system headers (SessionLintCheck.h).
  sessionlint::SessionLintCheck::matchUserCodeOnly(true);
  const std::string Self =
      llvm::sys::fs::getMainExecutable(argv[0], reinterpret_cast<void *>(&fail));
  // A worker repeats this command line, whatever the flags.
  std::vector<std::string> WorkerCommand{Self, "--internal-worker"};
  for (int I = 1; I < argc; ++I)
    WorkerCommand.push_back(argv[I]);

  // Everything after "--" is compiler arguments for a fixed database.
  std::string FixedError;
  std::unique_ptr<tooling::CompilationDatabase> Fixed =
      tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                             FixedError);
  if (!FixedError.empty())
    return fail(UsageError, FixedError);

  // LLVM owns --color (=true/false, unset: colour on a terminal); it is
  // shown with ours and decides colour in text output.
  auto *Colour = static_cast<cl::opt<cl::boolOrDefault> *>(
      cl::getRegisteredOptions().lookup("color"));
  if (Colour) {
    Colour->Categories.clear();
    Colour->addCategory(Category);
  }
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "sessionlint " << SESSIONLINT_VERSION << " (" << getClangFullVersion()
       << ")\n";
  });
  std::string ParseErrors;
  llvm::raw_string_ostream ParseErrorStream(ParseErrors);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "sessionlint: finds database and network sessions shared between "
          "concurrently running tasks.\n\n"
          "  sessionlint -p build/                 scan every file of "
          "build/compile_commands.json\n"
          "  sessionlint -p build/ src/jobs.cpp    scan one file\n"
          "  sessionlint file.cpp -- -std=c++20    scan with these compiler "
          "arguments\n\n"
          "Exit codes: 0 no findings, 1 findings, 2 usage or configuration "
          "error,\n3 a file could not be analysed.\n",
          &ParseErrorStream)) {
    ParseErrorStream.flush();
    llvm::StringRef First = llvm::StringRef(ParseErrors).split('\n').first;
    First.consume_front(llvm::sys::path::filename(argv[0]));
    First = First.ltrim(": ");
    return fail(UsageError, First);
  }

  std::string OptionsError;
  std::unique_ptr<ClangTidyOptionsProvider> OptionsProvider =
      makeOptionsProvider(OptionsError);
  if (!OptionsProvider)
    return fail(UsageError, OptionsError);

  if (ListChecks || DumpConfig) {
    std::string Probe = Inputs.empty() ? absolutePath("dummy.cpp")
                                       : absolutePath(Inputs.front());
    ClangTidyOptions Effective = OptionsProvider->getOptions(Probe);
    if (ListChecks) {
      for (const std::string &Name : getCheckNames(Effective, SESSIONLINT_CHECK_LISTING_ARGS))
        llvm::outs() << Name << "\n";
      return Clean;
    }
    Effective.CheckOptions = getCheckOptions(Effective, SESSIONLINT_CHECK_LISTING_ARGS);
    llvm::outs() << configurationAsText(
        ClangTidyOptions::getDefaults().merge(Effective, 0));
    return Clean;
  }

  std::unique_ptr<tooling::CompilationDatabase> DB;
  bool HaveDatabaseFiles = false;
  if (Fixed) {
    DB = std::move(Fixed);
  } else if (!BuildPath.empty()) {
    // Exactly this directory: walking up to some parent's database would
    // scan a different project without a word.
    if (!llvm::sys::fs::is_directory(BuildPath))
      return fail(UsageError, "cannot load a compilation database from '" +
                                  BuildPath + "': not a directory");
    auto Loaded = loadDatabase(BuildPath);
    if (!Loaded)
      return fail(UsageError, "cannot load a compilation database from '" +
                                  BuildPath + "': " +
                                  llvm::toString(Loaded.takeError()));
    DB = std::move(*Loaded);
    HaveDatabaseFiles = true;
  } else if (!Inputs.empty()) {
    auto Loaded = findDatabaseFor(Inputs.front());
    if (!Loaded)
      return fail(UsageError, llvm::toString(Loaded.takeError()));
    DB = std::move(*Loaded);
    HaveDatabaseFiles = true;
  } else {
    return fail(UsageError, "nothing to analyse: pass -p BUILD_DIR, files, or "
                            "both (see --help)");
  }
  ArgumentsAdjustingDatabase Adjusted(std::move(DB));
  if (InternalWorker)
    return runWorker(Adjusted, [&](llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
      std::string Ignored; // The parent validated the configuration.
      return makeOptionsProvider(Ignored, std::move(FS));
    });

  llvm::Expected<std::vector<std::string>> Selected =
      selectFiles(Adjusted, HaveDatabaseFiles);
  if (!Selected)
    return fail(UsageError, llvm::toString(Selected.takeError()));
  std::vector<std::string> Files = std::move(*Selected);
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());

  if (llvm::Error E = validateConfiguration(*OptionsProvider, Files,
                                            Config.empty() && ConfigFile.empty()))
    return fail(UsageError, llvm::toString(std::move(E)));

  std::optional<Format> Kind = parseFormat(FormatName);
  if (!Kind)
    return fail(UsageError, "unknown --format '" + FormatName +
                                "' (text, json, sarif, github, codeclimate)");
  if (!DiffFile.empty() && !DiffBase.empty())
    return fail(UsageError, "--diff and --diff-base exclude each other");
  std::string Root = absolutePath(RootDir.empty() ? "." : RootDir.getValue());

  // Everything that can be wrong with the request is found before any file
  // is analysed.
  std::optional<Baseline> Accepted;
  if (!BaselineFile.empty()) {
    llvm::Expected<Baseline> Read = readBaseline(BaselineFile);
    if (!Read)
      return fail(UsageError, llvm::toString(Read.takeError()));
    Accepted = std::move(*Read);
  }
  std::optional<ChangedLines> Changes;
  if (!DiffFile.empty() || !DiffBase.empty()) {
    llvm::Expected<ChangedLines> Parsed = [&]() -> llvm::Expected<ChangedLines> {
      if (!DiffBase.empty())
        return gitDiff(DiffBase);
      auto Buffer = DiffFile == "-" ? llvm::MemoryBuffer::getSTDIN()
                                    : llvm::MemoryBuffer::getFile(DiffFile);
      if (!Buffer)
        return llvm::createStringError(Buffer.getError(),
                                       "cannot read diff '%s': %s",
                                       DiffFile.c_str(),
                                       Buffer.getError().message().c_str());
      return parseUnifiedDiff((*Buffer)->getBuffer(), absolutePath("."));
    }();
    if (!Parsed)
      return fail(UsageError, llvm::toString(Parsed.takeError()));
    Changes = std::move(*Parsed);
    // Only the files the change touches; a touched header can hide in any
    // file that includes it, so then every file is analysed.
    std::vector<std::string> Touched;
    bool HeaderTouched = false;
    for (const auto &Entry : *Changes) {
      bool IsSource = llvm::any_of(Files, [&](const std::string &F) {
        return canonicalPath(absolutePath(F)) == Entry.getKey();
      });
      HeaderTouched |= !IsSource && llvm::sys::fs::exists(Entry.getKey());
    }
    if (!HeaderTouched) {
      for (const std::string &F : Files)
        if (Changes->count(canonicalPath(absolutePath(F))))
          Touched.push_back(F);
      Files = std::move(Touched);
    }
  }
  if (!Shard.empty()) {
    std::optional<std::pair<unsigned, unsigned>> Part = parseShard(Shard);
    if (!Part)
      return fail(UsageError, "--shard expects I/N with 1 <= I <= N, not '" +
                                  Shard + "'");
    std::vector<std::string> Mine;
    for (size_t I = 0; I < Files.size(); ++I)
      if (I % Part->second == Part->first - 1)
        Mine.push_back(Files[I]);
    Files = std::move(Mine);
  }

  for (const auto &[Flag, Path] :
       {std::pair<llvm::StringRef, llvm::StringRef>{"--output", OutputFile},
        {"--write-baseline", WriteBaselineFile}})
    if (!Path.empty())
      if (std::optional<std::string> Why = unwritable(Path))
        return fail(UsageError, "cannot write " + Flag + " '" + Path +
                                    "': " + *Why);

  std::unique_ptr<ResultCache> Cache;
  std::mutex ConfigurationMutex;
  if (!CacheDir.empty()) {
    auto Opened = ResultCache::open(CacheDir, Self);
    if (!Opened)
      return fail(UsageError, llvm::toString(Opened.takeError()));
    Cache = std::move(*Opened);
  }

  ScanOptions Scan;
  Scan.Cache = Cache.get();
  Scan.ConfigurationOf = [&](llvm::StringRef File) {
    std::lock_guard<std::mutex> Lock(ConfigurationMutex);
    return configurationAsText(OptionsProvider->getOptions(absolutePath(File)));
  };
  Scan.Jobs = Jobs ? Jobs.getValue()
                   : llvm::hardware_concurrency().compute_thread_count();
  Scan.KeepGoing = KeepGoing;
  Scan.ProgressBar = !Quiet && llvm::sys::Process::StandardErrIsDisplayed();
  if (!InProcess) {
    Scan.WorkerCommand = std::move(WorkerCommand);
    // A worker that dies leaves a closed pipe; writing to it must not end
    // the scan.
    std::signal(SIGPIPE, SIG_IGN);
    // Workers forked now, while this process has one thread, start without
    // loading the libraries again; the cache may leave some idle.
    unsigned Wanted = std::min<size_t>(std::max(1u, Scan.Jobs), Files.size());
    for (unsigned T = 0; T < Wanted; ++T) {
      std::optional<ChildPipes> Child = forkWorker([&] {
        return runWorker(Adjusted, [&](llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
          std::string Ignored; // The parent validated the configuration.
          return makeOptionsProvider(Ignored, std::move(FS));
        });
      });
      if (!Child)
        break; // The rest start with exec when they are needed.
      Scan.Prestarted.push_back(*Child);
    }
  }
  SourceCache Sources;
  ScanResult Result;
  if (!Files.empty()) {
    Result = scan(
        Adjusted, Files,
        [&](llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
          std::string Ignored; // Validated above, before any file.
          return makeOptionsProvider(Ignored, std::move(FS));
        },
        Scan, Sources);
  }
  if (Result.ConfigError)
    return fail(UsageError, *Result.ConfigError);
  if (Cache)
    if (std::optional<std::string> Why = Cache->writeError())
      llvm::errs() << "sessionlint: warning: the cache keeps no results of "
                      "this scan: "
                   << *Why << "\n";

  std::vector<Finding> Findings = std::move(Result.Findings);
  assignFingerprints(Findings, Root, Sources);
  if (!WriteBaselineFile.empty())
    if (llvm::Error E = writeAtomically(
            WriteBaselineFile,
            [&](llvm::raw_ostream &OS) { OS << baselineText(Findings, Root); }))
      return fail(UsageError, "cannot write baseline '" + WriteBaselineFile +
                                  "': " + llvm::toString(std::move(E)));
  unsigned InBaseline = Accepted ? applyBaseline(Findings, *Accepted) : 0;
  unsigned OutsideChange = 0;
  if (Changes) {
    size_t Before = Findings.size();
    llvm::erase_if(Findings, [&](const Finding &F) {
      return !touchesChange(F, *Changes);
    });
    OutsideChange = Before - Findings.size();
  }

  for (const std::string &Line : Result.CompileErrors)
    llvm::errs() << Line << "\n";

  RenderOptions Render;
  Render.Kind = *Kind;
  Render.Root = Root;
  Render.DocsUrl = docsUrl(Self);
  Render.FilesAnalysed = Result.FilesAnalysed;
  Render.NotAnalysedFiles = Result.NotAnalysedFiles;
  cl::boolOrDefault ColourWanted = Colour ? Colour->getValue() : cl::BOU_UNSET;
  if (OutputFile.empty()) {
    Render.Colour = *Kind == Format::Text &&
                    (ColourWanted == cl::BOU_TRUE ||
                     (ColourWanted == cl::BOU_UNSET &&
                      llvm::sys::Process::StandardOutIsDisplayed()));
    render(llvm::outs(), Findings, Render, Sources);
    llvm::outs().flush();
  } else {
    Render.Colour = *Kind == Format::Text && ColourWanted == cl::BOU_TRUE;
    if (llvm::Error E = writeAtomically(OutputFile, [&](llvm::raw_ostream &OS) {
          render(OS, Findings, Render, Sources);
        }))
      return fail(UsageError, "cannot write '" + OutputFile +
                                  "': " + llvm::toString(std::move(E)));
  }

  if (!Result.FailedFiles.empty()) {
    for (const NotAnalysed &Failed : Result.FailedFiles)
      llvm::errs() << "sessionlint: error: cannot analyse '" << Failed.File
                   << "': " << Failed.Reason << "\n";
    if (Result.FilesSkipped)
      llvm::errs() << "sessionlint: error: " << Result.FilesSkipped
                   << (Result.FilesSkipped == 1 ? " file was" : " files were")
                   << " not analysed; --keep-going analyses them\n";
    return AnalysisError;
  }
  if (!Quiet) {
    llvm::errs() << "sessionlint: " << Findings.size()
                 << (Findings.size() == 1 ? " finding" : " findings") << " in "
                 << Result.FilesAnalysed
                 << (Result.FilesAnalysed == 1 ? " file" : " files");
    if (Cache)
      llvm::errs() << " (" << Result.FilesFromCache << " from the cache)";
    if (Accepted)
      llvm::errs() << ", " << InBaseline << " accepted by the baseline";
    if (Changes)
      llvm::errs() << ", " << OutsideChange << " outside the change";
    llvm::errs() << "\n";
  }
  if (!WriteBaselineFile.empty())
    return Clean;
  return Findings.empty() ? Clean : ExitCode::Findings;
}
