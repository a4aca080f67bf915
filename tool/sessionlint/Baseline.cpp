#include "Baseline.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA256.h"

namespace sessionlint::cli {
namespace {

std::string squeezed(llvm::StringRef Text) {
  std::string Out;
  bool Space = false;
  for (char C : Text.trim()) {
    if (C == ' ' || C == '\t') {
      Space = true;
      continue;
    }
    if (Space && !Out.empty())
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

} // namespace

void assignFingerprints(std::vector<Finding> &Findings, llvm::StringRef Root,
                        SourceCache &Sources) {
  llvm::StringMap<unsigned> Seen;
  for (Finding &F : Findings) {
    llvm::SHA256 Hash;
    auto Add = [&](llvm::StringRef Part) {
      Hash.update(Part);
      Hash.update(llvm::StringRef("\0", 1));
    };
    Add(F.Check);
    Add(displayPath(F.Where.File, Root));
    Add(F.Message);
    Add(squeezed(Sources.lineText(F.Where.File, F.Where.Line)));
    for (const FindingNote &N : F.Notes) {
      Add(N.Message);
      Add(displayPath(N.Where.File, Root));
      Add(squeezed(Sources.lineText(N.Where.File, N.Where.Line)));
    }
    std::array<uint8_t, 32> Digest = Hash.final();
    std::string Base = llvm::toHex(llvm::ArrayRef<uint8_t>(Digest).take_front(12),
                                   /*LowerCase=*/true);
    unsigned Occurrence = Seen[Base]++;
    F.Fingerprint = Base + ":" + std::to_string(Occurrence);
  }
}

llvm::Expected<Baseline> parseBaseline(llvm::StringRef Text,
                                       llvm::StringRef Name) {
  llvm::Expected<llvm::json::Value> Doc = llvm::json::parse(Text);
  if (!Doc)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "baseline '%s' is not valid JSON: %s",
                                   Name.str().c_str(),
                                   llvm::toString(Doc.takeError()).c_str());
  const llvm::json::Object *Root = Doc->getAsObject();
  const llvm::json::Array *Items = Root ? Root->getArray("findings") : nullptr;
  if (!Items || Root->getInteger("version") != 1)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "baseline '%s' is not a sessionlint baseline (version 1)",
        Name.str().c_str());
  Baseline Accepted;
  for (const llvm::json::Value &Item : *Items) {
    const llvm::json::Object *O = Item.getAsObject();
    std::optional<llvm::StringRef> FP = O ? O->getString("fingerprint") : std::nullopt;
    if (!FP)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "baseline '%s': an entry has no fingerprint",
                                     Name.str().c_str());
    ++Accepted[*FP];
  }
  return Accepted;
}

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(),
                                   "cannot read baseline '%s': %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  return parseBaseline((*Buffer)->getBuffer(), Path);
}

std::string baselineText(const std::vector<Finding> &Findings,
                         llvm::StringRef Root) {
  llvm::json::Array Items;
  for (const Finding &F : Findings)
    Items.push_back(llvm::json::Object{
        {"fingerprint", F.Fingerprint},
        {"check", F.Check},
        {"file", displayPath(F.Where.File, Root)},
        {"message", F.Message}});
  llvm::json::Object Doc{{"version", 1}, {"findings", std::move(Items)}};
  return llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))).str() + "\n";
}

unsigned applyBaseline(std::vector<Finding> &Findings, Baseline Accepted) {
  unsigned Before = Findings.size();
  llvm::erase_if(Findings, [&](const Finding &F) {
    auto It = Accepted.find(F.Fingerprint);
    if (It == Accepted.end() || It->second == 0)
      return false;
    --It->second;
    return true;
  });
  return Before - Findings.size();
}

} // namespace sessionlint::cli
