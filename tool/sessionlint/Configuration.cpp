#include "Configuration.h"
#include "Compat.h"

#include "clang-tidy/ClangTidy.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace clang::tidy;

namespace sessionlint::cli {
namespace {

llvm::Error problem(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// The `.clang-tidy` files clang-tidy would read for a file in Dir, nearest
/// first.
std::vector<std::string> configFilesAbove(llvm::StringRef Dir) {
  std::vector<std::string> Found;
  for (llvm::StringRef D = Dir; !D.empty(); D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> Candidate(D);
    llvm::sys::path::append(Candidate, ".clang-tidy");
    if (llvm::sys::fs::is_regular_file(Candidate))
      Found.push_back(std::string(Candidate));
  }
  return Found;
}

/// The known option closest to Key, if it is close enough to be a typo.
std::string closest(llvm::StringRef Key, const llvm::StringSet<> &Known) {
  std::string Best;
  unsigned BestDistance = 4;
  for (const auto &Entry : Known) {
    unsigned D = Key.edit_distance(Entry.getKey(), /*AllowReplacements=*/true,
                                   BestDistance);
    if (D < BestDistance) {
      BestDistance = D;
      Best = Entry.getKey().str();
    }
  }
  return Best;
}

} // namespace

llvm::Expected<ClangTidyOptions> parseConfigurationText(llvm::StringRef Text,
                                                        llvm::StringRef Source) {
  std::string First;
  auto Handler = [&](const llvm::SMDiagnostic &D) {
    if (First.empty() && D.getKind() == llvm::SourceMgr::DK_Error)
      First = (Source + ":" + llvm::Twine(D.getLineNo()) + ":" +
               llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                  .str();
  };
  llvm::ErrorOr<ClangTidyOptions> Parsed = parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Text, Source), Handler);
  if (!Parsed)
    return problem("invalid configuration: " +
                   (First.empty() ? (Source + ": " + Parsed.getError().message()).str()
                                  : First));
  return std::move(*Parsed);
}

llvm::Error validateConfiguration(ClangTidyOptionsProvider &Provider,
                                  const std::vector<std::string> &Files,
                                  bool ReadFiles) {
  // The configuration files first: a YAML error is named before anything
  // else, whichever file meets it first.
  llvm::StringSet<> Directories, Parsed;
  if (ReadFiles)
    for (const std::string &File : Files) {
      llvm::StringRef Dir = llvm::sys::path::parent_path(File);
      if (!Directories.insert(Dir).second)
        continue;
      for (const std::string &Config : configFilesAbove(Dir)) {
        if (!Parsed.insert(Config).second)
          continue;
        auto Buffer = llvm::MemoryBuffer::getFile(Config);
        if (!Buffer)
          return problem("cannot read '" + Config +
                         "': " + Buffer.getError().message());
        if (auto Options = parseConfigurationText((*Buffer)->getBuffer(), Config);
            !Options)
          return Options.takeError();
      }
    }

  // The option names every sessionlint check reads, with every one of
  // them enabled: an option of a check the user switched off is still
  // spelled right.
  llvm::StringSet<> Known;
  llvm::StringSet<> SeenSources;
  for (const std::string &File : Files) {
    ClangTidyOptions Effective = Provider.getOptions(File);
    if (Known.empty()) {
      ClangTidyOptions All = Effective;
      All.Checks = "-*,sessionlint-*";
      for (const auto &Option : getCheckOptions(All, SESSIONLINT_CHECK_LISTING_ARGS))
        Known.insert(Option.getKey());
    }
    bool AnyEnabled = false;
    for (const std::string &Check : getCheckNames(Effective, SESSIONLINT_CHECK_LISTING_ARGS))
      AnyEnabled |= llvm::StringRef(Check).starts_with("sessionlint-");
    if (!AnyEnabled)
      return problem("no sessionlint check is enabled for '" + File +
                     "' (Checks: '" + Effective.Checks.value_or("") +
                     "'); enable one with --checks or in .clang-tidy");
    for (const auto &[Options, Source] : Provider.getRawOptions(File)) {
      if (!SeenSources.insert(Source).second)
        continue;
      for (const auto &Option : Options.CheckOptions) {
        llvm::StringRef Key = Option.getKey();
        if (!Key.starts_with("sessionlint-") || Known.contains(Key))
          continue;
        std::string Suggestion = closest(Key, Known);
        return problem("unknown option '" + Key + "' in " + Source +
                       (Suggestion.empty() ? ""
                                           : "; did you mean '" + Suggestion + "'?"));
      }
    }
  }
  return llvm::Error::success();
}

} // namespace sessionlint::cli
