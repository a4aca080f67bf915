//===--- FuzzOptions.cpp - libFuzzer target: configuration ----------------===//
//
// What a user writes in .clang-tidy or --config: the YAML document
// (parseConfigurationText), and the values of sessionlint's options (name
// lists with regular expressions, ThreadClasses entries), then matched
// against names and looked up in the catalog the way the checks do. Any
// bytes: an error naming the problem, or a configuration, never a crash.
//
// The first byte picks the parser; the rest is its text. For a name list,
// the text after the first newline is a name to match.
//
//===----------------------------------------------------------------------===//
#include "Configuration.h"
#include "SessionTypeOptions.h"
#include "analysis/Catalog.h"
#include "analysis/Names.h"

#include <cstdlib>

using namespace sessionlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  llvm::StringRef Text(reinterpret_cast<const char *>(Data + 1), Size - 1);
  switch (Data[0] % 4) {
  case 0: {
    auto [Value, Name] = Text.split('\n');
    llvm::Expected<NameList> List = NameList::parse(Value);
    if (!List) {
      llvm::consumeError(List.takeError());
      return 0;
    }
    (void)List->matches(Name);
    (void)List->matches("::" + Name.str());
    break;
  }
  case 1: {
    llvm::SmallVector<std::pair<std::string, std::string>, 4> Starts;
    if (llvm::Error E = parseThreadClasses(Text, Starts)) {
      llvm::consumeError(std::move(E));
      return 0;
    }
    for (const auto &[Start, Entry] : Starts)
      if (!llvm::StringRef(Start).contains("::") || Entry.empty())
        std::abort(); // Accepted entries are what the option promises.
    break;
  }
  case 2: {
    auto Parsed = cli::parseConfigurationText(Text, "fuzz");
    if (!Parsed)
      llvm::consumeError(Parsed.takeError());
    break;
  }
  case 3:
    for (EntryKind Kind : {EntryKind::Class, EntryKind::PointeeOfHandle,
                           EntryKind::HandleTypedef})
      if (const CatalogEntry *E = findCatalogEntry(Text, Kind))
        if (E->Name != Text)
          std::abort();
    (void)isTaskHandleName(Text);
    break;
  }
  return 0;
}
