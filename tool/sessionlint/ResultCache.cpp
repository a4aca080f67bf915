#include "ResultCache.h"

#include "clang/Basic/Version.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <cstdlib>

namespace sessionlint::cli {
namespace {

/// Bumped when an entry's layout or meaning changes: older entries are then
/// misses, never misread.
constexpr int64_t EntryFormat = 1;

/// Environment variables Clang reads as include paths.
constexpr const char *IncludePathVariables[] = {"CPATH", "C_INCLUDE_PATH",
                                                "CPLUS_INCLUDE_PATH"};

/// Parts of a key, each followed by a NUL, so that no two different lists
/// of parts hash the same bytes.
class KeyBuilder {
public:
  void add(llvm::StringRef Part) {
    Text += Part;
    Text += '\0';
  }
  std::string str() const { return contentHash(Text); }

private:
  std::string Text;
};

} // namespace

std::string contentHash(llvm::StringRef Bytes) {
  llvm::XXH128_hash_t H = llvm::xxh3_128bits(
      llvm::ArrayRef(Bytes.bytes_begin(), Bytes.size()));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::format_hex_no_prefix(H.high64, 16)
     << llvm::format_hex_no_prefix(H.low64, 16);
  return Out;
}

llvm::Expected<std::unique_ptr<ResultCache>>
ResultCache::open(llvm::StringRef Dir, llvm::StringRef Executable) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   ("cannot use --cache '" + Dir + "': " + Why).str());
  };
  llvm::SmallString<256> Abs(Dir);
  if (std::error_code EC = llvm::sys::fs::make_absolute(Abs))
    return Fail(EC.message());
  if (llvm::sys::fs::exists(Abs) && !llvm::sys::fs::is_directory(Abs))
    return Fail("it is not a directory");
  if (std::error_code EC = llvm::sys::fs::create_directories(Abs))
    return Fail(EC.message());
  if (std::error_code EC =
          llvm::sys::fs::access(Abs, llvm::sys::fs::AccessMode::Write))
    return Fail(EC.message());
  auto Self = llvm::MemoryBuffer::getFile(Executable);
  if (!Self)
    return Fail("cannot read the sessionlint executable '" + Executable +
                "': " + Self.getError().message());
  KeyBuilder Identity;
  Identity.add(SESSIONLINT_VERSION);
  Identity.add(clang::getClangFullVersion());
  Identity.add(contentHash((*Self)->getBuffer()));
  return std::unique_ptr<ResultCache>(
      new ResultCache(std::string(Abs), Identity.str()));
}

std::string
ResultCache::key(const std::vector<clang::tooling::CompileCommand> &Commands,
                 llvm::StringRef Configuration) const {
  KeyBuilder Key;
  Key.add(Identity);
  Key.add(Configuration);
  for (const char *Variable : IncludePathVariables) {
    const char *Value = std::getenv(Variable);
    Key.add(Value ? llvm::StringRef(Value) : llvm::StringRef("\1unset"));
  }
  for (const clang::tooling::CompileCommand &Command : Commands) {
    Key.add(Command.Directory);
    Key.add(Command.Filename);
    Key.add(std::to_string(Command.CommandLine.size()));
    for (const std::string &Arg : Command.CommandLine)
      Key.add(Arg);
  }
  return Key.str();
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  // Two levels, as git and ccache do: no directory with a million files.
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key.take_front(2), Key.drop_front(2) + ".json");
  return std::string(Path);
}

std::optional<std::string> ResultCache::currentHash(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  // Hashed outside the lock: two threads may hash one header at once, and
  // agree.
  std::optional<std::string> Hash;
  if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/false))
    Hash = contentHash((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Lock(Mutex);
  return Hashes.try_emplace(Path, Hash).first->second;
}

std::optional<FileOutcome> ResultCache::lookup(llvm::StringRef Key) {
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(Key));
  if (!Buffer)
    return std::nullopt;
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *Entry = Parsed->getAsObject();
  if (!Entry || Entry->getInteger("cacheFormat") != EntryFormat ||
      Entry->getString("key") != Key)
    return std::nullopt;
  std::optional<FileOutcome> Out = outcomeFromObject(*Entry);
  // An entry without inputs would hold whatever changed.
  if (!Out || Out->Inputs.empty() || !Out->Analysed || Out->Failed)
    return std::nullopt;
  for (const InputFile &Input : Out->Inputs)
    if (currentHash(Input.Path) != Input.Hash)
      return std::nullopt;
  return Out;
}

void ResultCache::store(llvm::StringRef Key, const FileOutcome &Outcome) {
  if (!Outcome.Analysed || Outcome.Failed || Outcome.Crash ||
      Outcome.ConfigError || Outcome.Inputs.empty())
    return;
  llvm::json::Object Entry = outcomeToObject(Outcome);
  Entry["cacheFormat"] = EntryFormat;
  Entry["key"] = Key;
  std::string Path = entryPath(Key);
  std::error_code EC =
      llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
  llvm::Error Written =
      EC ? llvm::errorCodeToError(EC)
         : llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
             OS << llvm::json::Value(std::move(Entry)) << "\n";
             return llvm::Error::success();
           });
  if (!Written)
    return;
  std::string Why = llvm::toString(std::move(Written));
  std::lock_guard<std::mutex> Lock(Mutex);
  if (!FirstWriteError)
    FirstWriteError = "cannot write '" + Path + "': " + Why;
}

std::optional<std::string> ResultCache::writeError() {
  std::lock_guard<std::mutex> Lock(Mutex);
  return FirstWriteError;
}

} // namespace sessionlint::cli
