#include "Finding.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace sessionlint::cli {

static auto orderKey(const Finding &F) {
  return std::tie(F.Where.File, F.Where.Line, F.Where.Column, F.Check,
                  F.Message);
}

bool Finding::operator<(const Finding &O) const {
  if (orderKey(*this) != orderKey(O))
    return orderKey(*this) < orderKey(O);
  auto NoteKeys = [](const Finding &F) {
    std::vector<std::tuple<std::string, unsigned, unsigned, std::string>> Keys;
    for (const FindingNote &N : F.Notes)
      Keys.emplace_back(N.Where.File, N.Where.Line, N.Where.Column, N.Message);
    return Keys;
  };
  return NoteKeys(*this) < NoteKeys(O);
}

bool Finding::operator==(const Finding &O) const {
  return !(*this < O) && !(O < *this);
}

const SourceCache::Entry &SourceCache::load(llvm::StringRef File) {
  auto [It, Inserted] = Files.try_emplace(File);
  Entry &E = It->second;
  if (!Inserted)
    return E;
  auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return E;
  E.Readable = true;
  E.Text = (*Buffer)->getBuffer().str();
  E.LineStarts.push_back(0);
  for (unsigned I = 0; I < E.Text.size(); ++I)
    if (E.Text[I] == '\n')
      E.LineStarts.push_back(I + 1);
  return E;
}

std::optional<std::pair<unsigned, unsigned>>
SourceCache::lineColumn(llvm::StringRef File, unsigned Offset) {
  std::lock_guard<std::mutex> Lock(Mutex);
  const Entry &E = load(File);
  if (!E.Readable || Offset > E.Text.size())
    return std::nullopt;
  auto After = std::upper_bound(E.LineStarts.begin(), E.LineStarts.end(), Offset);
  unsigned Line = After - E.LineStarts.begin();
  return std::make_pair(Line, Offset - E.LineStarts[Line - 1] + 1);
}

std::string SourceCache::lineText(llvm::StringRef File, unsigned Line) {
  std::lock_guard<std::mutex> Lock(Mutex);
  const Entry &E = load(File);
  if (!E.Readable || Line == 0 || Line > E.LineStarts.size())
    return "";
  unsigned Begin = E.LineStarts[Line - 1];
  unsigned End = Line < E.LineStarts.size() ? E.LineStarts[Line] - 1
                                            : E.Text.size();
  std::string Text = E.Text.substr(Begin, End - Begin);
  if (!Text.empty() && Text.back() == '\r')
    Text.pop_back();
  return Text;
}

std::string displayPath(llvm::StringRef File, llvm::StringRef Root) {
  if (!Root.empty()) {
    std::string Prefix = Root.str();
    if (!llvm::StringRef(Prefix).ends_with("/"))
      Prefix += '/';
    // Cut before copying: assigning a SmallString a piece of itself is a
    // memcpy of overlapping ranges (AddressSanitizer found it).
    File.consume_front(Prefix);
  }
  llvm::SmallString<256> Path(File);
  llvm::sys::path::native(Path, llvm::sys::path::Style::posix);
  return std::string(Path);
}

} // namespace sessionlint::cli
