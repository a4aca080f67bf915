#include "Database.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace sessionlint::cli {
namespace {

llvm::Error problem(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// "[4:3, byte=57]: Expected , or ]" becomes "NAME:4:3: expected , or ]".
std::string syntaxError(llvm::Error E, llvm::StringRef Name) {
  std::string Text = llvm::toString(std::move(E));
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  static const llvm::Regex Position(R"(^\[([0-9]+):([0-9]+), byte=[0-9]+\]: (.*)$)");
  if (!Position.match(Text, &Parts))
    return (Name + ": " + Text).str();
  std::string Message = Parts[3].str();
  if (!Message.empty())
    Message[0] = llvm::toLower(Message[0]);
  // LLVM counts columns from 0; compilers and editors from 1.
  unsigned Column = 0;
  Parts[2].getAsInteger(10, Column);
  return (Name + ":" + Parts[1] + ":" + llvm::Twine(Column + 1) + ": " + Message)
      .str();
}

llvm::StringRef describe(const llvm::json::Object &Entry) {
  if (std::optional<llvm::StringRef> File = Entry.getString("file"))
    return *File;
  return "";
}

} // namespace

llvm::Expected<std::string> normaliseCompileCommands(llvm::StringRef Text,
                                                     llvm::StringRef Dir,
                                                     llvm::StringRef Name) {
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  if (!Parsed)
    return problem(syntaxError(Parsed.takeError(), Name));
  llvm::json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return problem(Name + ": expected an array of compile commands");
  for (size_t I = 0; I < Entries->size(); ++I) {
    llvm::json::Object *Entry = (*Entries)[I].getAsObject();
    auto Bad = [&](const llvm::Twine &Why) {
      llvm::StringRef File = Entry ? describe(*Entry) : "";
      return problem(Name + ": entry " + llvm::Twine(I + 1) +
                     (File.empty() ? llvm::Twine("") : " ('" + File + "')") +
                     ": " + Why);
    };
    if (!Entry)
      return Bad("expected an object");
    std::optional<llvm::StringRef> Directory = Entry->getString("directory");
    if (!Directory)
      return Bad("no \"directory\" string");
    if (!Entry->getString("file"))
      return Bad("no \"file\" string");
    const llvm::json::Value *Command = Entry->get("command");
    const llvm::json::Value *Arguments = Entry->get("arguments");
    if (Command && !Command->getAsString())
      return Bad("\"command\" is not a string");
    if (Arguments) {
      const llvm::json::Array *List = Arguments->getAsArray();
      if (!List || List->empty())
        return Bad("\"arguments\" is not a non-empty array of strings");
      for (const llvm::json::Value &Arg : *List)
        if (!Arg.getAsString())
          return Bad("\"arguments\" is not a non-empty array of strings");
    }
    if (!Command && !Arguments)
      return Bad("neither \"command\" nor \"arguments\"");
    // Relative to the folder that holds the database, as clangd reads it.
    if (!llvm::sys::path::is_absolute(*Directory)) {
      llvm::SmallString<256> Absolute(Dir);
      llvm::sys::path::append(Absolute, *Directory);
      llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
      (*Entry)["directory"] = std::string(Absolute);
    }
  }
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::json::Value(std::move(*Parsed));
  return Out;
}

llvm::Expected<std::unique_ptr<tooling::CompilationDatabase>>
loadDatabase(llvm::StringRef Dir) {
  llvm::SmallString<256> AbsoluteDir(Dir);
  llvm::sys::fs::make_absolute(AbsoluteDir);
  llvm::sys::path::remove_dots(AbsoluteDir, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Path(AbsoluteDir);
  llvm::sys::path::append(Path, "compile_commands.json");
  if (llvm::sys::fs::exists(Path)) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer)
      return problem("cannot read '" + Path + "': " +
                     Buffer.getError().message());
    llvm::Expected<std::string> Text =
        normaliseCompileCommands((*Buffer)->getBuffer(), AbsoluteDir, Path);
    if (!Text)
      return Text.takeError();
    std::string Error;
    std::unique_ptr<tooling::CompilationDatabase> DB =
        tooling::JSONCompilationDatabase::loadFromBuffer(
            *Text, Error, tooling::JSONCommandLineSyntax::AutoDetect);
    if (!DB)
      return problem(Path + ": " + Error);
    return DB;
  }
  std::string Error;
  std::unique_ptr<tooling::CompilationDatabase> DB =
      tooling::CompilationDatabase::loadFromDirectory(AbsoluteDir, Error);
  if (!DB)
    return problem("no compile_commands.json or compile_flags.txt in '" +
                   AbsoluteDir + "'");
  return DB;
}

llvm::Expected<std::unique_ptr<tooling::CompilationDatabase>>
findDatabaseFor(llvm::StringRef File) {
  llvm::SmallString<256> Dir(File);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  if (!llvm::sys::fs::is_directory(Dir))
    llvm::sys::path::remove_filename(Dir);
  for (llvm::StringRef D = Dir; !D.empty(); D = llvm::sys::path::parent_path(D))
    for (llvm::StringRef Name : {"compile_commands.json", "compile_flags.txt"}) {
      llvm::SmallString<256> Candidate(D);
      llvm::sys::path::append(Candidate, Name);
      if (llvm::sys::fs::exists(Candidate))
        return loadDatabase(D);
    }
  return problem("no compilation database found for '" + File +
                 "'; pass -p BUILD_DIR or compiler arguments after --");
}

} // namespace sessionlint::cli
