//===--- Main.cpp - the sessionlint command-line tool ---------------------===//
//
// Runs the sessionlint checks over a compilation database, named files, or
// compiler arguments after `--`, through clang-tidy's own machinery, so
// NOLINT, .clang-tidy files and header filtering behave exactly as users know
// them from clang-tidy. This file never reaches into the checks.
//
// Exit codes (docs/cli.md):
//   0  no findings
//   1  findings
//   2  usage or configuration error (bad flag, no compilation database,
//      unreadable file, malformed option)
//   3  a file could not be analysed (compile errors), findings or not
//
//===----------------------------------------------------------------------===//
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
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
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace clang;
using namespace clang::tidy;
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
cl::opt<bool> Quiet("quiet", cl::desc("Print no summary line"), cl::init(false),
                    cl::cat(Category));
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
      Args.insert(End, ExtraArgs.begin(), ExtraArgs.end());
    }
    return Commands;
  }
  std::unique_ptr<tooling::CompilationDatabase> Base;
};

/// LLVM reports why each database format failed, one per line; the JSON
/// format's reason is the one users need.
std::string databaseProblem(llvm::StringRef Error) {
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Error.trim().split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    if (Line.consume_front("json-compilation-database: "))
      return Line.trim().str();
  return Lines.empty() ? "unknown error" : Lines.front().trim().str();
}

std::unique_ptr<ClangTidyOptionsProvider>
makeOptionsProvider(std::string &Error) {
  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,sessionlint-*";
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
    llvm::ErrorOr<ClangTidyOptions> Parsed =
        parseConfiguration(llvm::MemoryBufferRef(Text, "config"));
    if (!Parsed) {
      Error = "invalid configuration: " + Parsed.getError().message();
      return nullptr;
    }
    return std::make_unique<ConfigOptionsProvider>(
        std::move(GlobalOptions), std::move(Defaults), std::move(*Parsed),
        std::move(Overrides));
  }
  return std::make_unique<FileOptionsProvider>(
      std::move(GlobalOptions), std::move(Defaults), std::move(Overrides));
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
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
      continue;
    }
    auto Buffer = llvm::MemoryBuffer::getFile(Abs);
    if (!Buffer)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "cannot read '%s': %s", Input.c_str(),
                                     Buffer.getError().message().c_str());
    if (DB.getCompileCommands(Abs).empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "no compile command for '%s'",
                                     Input.c_str());
    Files.push_back(Abs);
  }
  return Files;
}

bool isFinding(const ClangTidyError &E) {
  return llvm::StringRef(E.DiagnosticName).starts_with("sessionlint-");
}

bool isCompileError(const ClangTidyError &E) {
  return E.DiagLevel == ClangTidyError::Error && !isFinding(E) &&
         E.DiagnosticName != "clang-tidy-config";
}

} // namespace

int main(int argc, const char **argv) {
  llvm::InitLLVM X(argc, argv);

  // Everything after "--" is compiler arguments for a fixed database.
  std::string FixedError;
  std::unique_ptr<tooling::CompilationDatabase> Fixed =
      tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                             FixedError);
  if (!FixedError.empty())
    return fail(UsageError, FixedError);

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

  // Clang 22 added an "experimental custom checks" switch (off here).
#if CLANG_VERSION_MAJOR >= 22
#define SESSIONLINT_CHECK_LISTING_ARGS false, false
#else
#define SESSIONLINT_CHECK_LISTING_ARGS false
#endif
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
    std::string Error;
    if (!llvm::sys::fs::is_directory(BuildPath))
      return fail(UsageError, "cannot load a compilation database from '" +
                                  BuildPath + "': not a directory");
    DB = tooling::CompilationDatabase::loadFromDirectory(BuildPath, Error);
    if (!DB)
      return fail(UsageError, "cannot load a compilation database from '" +
                                  BuildPath + "': " + databaseProblem(Error));
    HaveDatabaseFiles = true;
  } else if (!Inputs.empty()) {
    std::string Error;
    DB = tooling::CompilationDatabase::autoDetectFromSource(
        absolutePath(Inputs.front()), Error);
    if (!DB)
      return fail(UsageError,
                  "no compilation database found for '" + Inputs.front() +
                      "'; pass -p BUILD_DIR or compiler arguments after --");
    HaveDatabaseFiles = true;
  } else {
    return fail(UsageError, "nothing to analyse: pass -p BUILD_DIR, files, or "
                            "both (see --help)");
  }
  ArgumentsAdjustingDatabase Adjusted(std::move(DB));

  llvm::Expected<std::vector<std::string>> Files =
      selectFiles(Adjusted, HaveDatabaseFiles);
  if (!Files)
    return fail(UsageError, llvm::toString(Files.takeError()));

  ClangTidyContext Context(std::move(OptionsProvider));
  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());

  // One file at a time, so that a compile error is charged to the file
  // whose analysis it spoiled, not to the header it appears in.
  std::vector<ClangTidyError> Reported;
  std::vector<std::string> FailedFiles;
  unsigned FindingCount = 0;
  for (const std::string &File : *Files) {
    std::vector<ClangTidyError> Errors =
        runClangTidy(Context, Adjusted, {File}, BaseFS, /*ApplyAnyFix=*/false);
    bool Failed = false;
    for (ClangTidyError &E : Errors) {
      if (E.DiagnosticName == "clang-tidy-config")
        return fail(UsageError, E.Message.Message);
      if (isFinding(E)) {
        ++FindingCount;
        Reported.push_back(std::move(E));
      } else if (isCompileError(E)) {
        Failed = true;
        Reported.push_back(std::move(E));
      }
    }
    if (Failed)
      FailedFiles.push_back(File);
  }
  // Findings of files that failed to compile are still printed: a partial
  // analysis may be wrong by omission, never by invention.
  unsigned WarningsAsErrors = 0;
  handleErrors(Reported, Context, FB_NoFix, WarningsAsErrors, BaseFS);

  if (!FailedFiles.empty()) {
    for (const std::string &File : FailedFiles)
      llvm::errs() << "sessionlint: error: cannot analyse '" << File
                   << "': it does not compile (errors above)\n";
    return AnalysisError;
  }
  if (!Quiet)
    llvm::errs() << "sessionlint: " << FindingCount
                 << (FindingCount == 1 ? " finding" : " findings") << " in "
                 << Files->size() << (Files->size() == 1 ? " file" : " files")
                 << "\n";
  return FindingCount ? Findings : Clean;
}
