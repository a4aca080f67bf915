#include "Output.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/Sarif.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/FormatVariadic.h"
#include "clang/Basic/Version.h"
#include <functional>

namespace sessionlint::cli {
namespace {

constexpr llvm::StringLiteral ToolName = "sessionlint";

struct CheckInfo {
  llvm::StringLiteral Name;
  /// SARIF wants a readable name distinct from the id.
  llvm::StringLiteral Title;
  llvm::StringLiteral Summary;
};
constexpr CheckInfo KnownChecks[] = {
    {"sessionlint-concurrent-operations", "ConcurrentOperations",
     "Two asynchronous operations on one session in flight at the same time "
     "inside one task."},
    {"sessionlint-shared-across-tasks", "SharedAcrossTasks",
     "A session object reached by a spawned task while another use of it may "
     "run at the same time."},
    {"sessionlint-thread-affinity", "ThreadAffinity",
     "A thread-affine object (QSqlDatabase, QSqlQuery) used from a task other "
     "than the thread that created it."},
};

llvm::StringRef summaryOf(llvm::StringRef Check) {
  for (const CheckInfo &Info : KnownChecks)
    if (Info.Name == Check)
      return Info.Summary;
  return "";
}

void renderText(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const RenderOptions &Options, SourceCache &Sources) {
  auto Line = [&](const SourcePoint &P, llvm::StringRef Level,
                  llvm::raw_ostream::Colors LevelColour, llvm::StringRef Message,
                  llvm::StringRef Check) {
    if (Options.Colour)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    OS << P.File << ":" << P.Line << ":" << P.Column << ": ";
    if (Options.Colour)
      OS.changeColor(LevelColour, /*Bold=*/true);
    OS << Level << ": ";
    if (Options.Colour)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    OS << Message;
    if (!Check.empty())
      OS << " [" << Check << "]";
    if (Options.Colour)
      OS.resetColor();
    OS << "\n";
    std::string Text = Sources.lineText(P.File, P.Line);
    if (Text.empty() || P.Column == 0)
      return;
    std::string Number = std::to_string(P.Line);
    OS << " " << Number << " | " << Text << "\n";
    OS << " " << std::string(Number.size(), ' ') << " | ";
    for (unsigned I = 1; I < P.Column && I <= Text.size(); ++I)
      OS << (Text[I - 1] == '\t' ? '\t' : ' ');
    if (Options.Colour)
      OS.changeColor(llvm::raw_ostream::GREEN, /*Bold=*/true);
    OS << "^";
    if (Options.Colour)
      OS.resetColor();
    OS << "\n";
  };
  for (const Finding &F : Findings) {
    Line(F.Where, "warning", llvm::raw_ostream::MAGENTA, F.Message, F.Check);
    for (const FindingNote &N : F.Notes)
      Line(N.Where, "note", llvm::raw_ostream::BLACK, N.Message, "");
  }
}

llvm::json::Object pointJson(const SourcePoint &P, llvm::StringRef Root) {
  return llvm::json::Object{{"file", displayPath(P.File, Root)},
                            {"line", P.Line},
                            {"column", P.Column}};
}

void renderJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const RenderOptions &Options) {
  llvm::json::Array Items;
  for (const Finding &F : Findings) {
    llvm::json::Array Notes;
    for (const FindingNote &N : F.Notes) {
      llvm::json::Object Note = pointJson(N.Where, Options.Root);
      Note["message"] = N.Message;
      Notes.push_back(std::move(Note));
    }
    llvm::json::Object Item = pointJson(F.Where, Options.Root);
    Item["check"] = F.Check;
    Item["message"] = F.Message;
    Item["fingerprint"] = F.Fingerprint;
    Item["notes"] = std::move(Notes);
    Items.push_back(std::move(Item));
  }
  llvm::json::Object Doc{
      {"version", 1},
      {"tool", llvm::json::Object{{"name", ToolName},
                                  {"version", SESSIONLINT_VERSION}}},
      {"findings", std::move(Items)},
      {"summary", llvm::json::Object{{"findings", Findings.size()},
                                     {"files", Options.FilesAnalysed}}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Doc))) << "\n";
}

/// SARIF through clang's writer, which needs every location in a
/// SourceManager: the reported files are loaded into one of our own.
void renderSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                 const RenderOptions &Options) {
  using namespace clang;
  FileSystemOptions FSOptions;
  FileManager Files(FSOptions);
  // Clang 21 stopped reference-counting DiagnosticOptions.
#if CLANG_VERSION_MAJOR >= 21
  DiagnosticOptions DiagOpts;
  DiagnosticsEngine Diags(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(), DiagOpts,
                          new IgnoringDiagConsumer());
#else
  DiagnosticsEngine Diags(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(),
                          llvm::makeIntrusiveRefCnt<DiagnosticOptions>(),
                          new IgnoringDiagConsumer());
#endif
  SourceManager SM(Diags, Files);
  llvm::StringMap<FileID> Loaded;
  auto Range = [&](const SourcePoint &P) -> std::optional<CharSourceRange> {
    auto [It, Inserted] = Loaded.try_emplace(P.File);
    if (Inserted) {
      if (auto Entry = Files.getOptionalFileRef(P.File))
        It->second = SM.getOrCreateFileID(*Entry, SrcMgr::C_User);
    }
    if (It->second.isInvalid() || P.Line == 0)
      return std::nullopt;
    SourceLocation Loc = SM.translateLineCol(It->second, P.Line, P.Column);
    return CharSourceRange::getCharRange(Loc, Loc.getLocWithOffset(1));
  };

  SarifDocumentWriter Writer(SM);
  Writer.createRun(ToolName, "sessionlint", SESSIONLINT_VERSION);
  llvm::StringMap<size_t> RuleIndex;
  for (const CheckInfo &Info : KnownChecks)
    RuleIndex[Info.Name] = Writer.createRule(
        SarifRule::create()
            .setRuleId(Info.Name)
            .setName(Info.Title)
            .setDescription(Info.Summary)
            .setHelpURI(Options.DocsUrl + Info.Name.str() + ".md"));
  std::vector<const Finding *> Written;
  for (const Finding &F : Findings) {
    auto Rule = RuleIndex.find(F.Check);
    if (Rule == RuleIndex.end())
      Rule = RuleIndex.try_emplace(F.Check,
                                   Writer.createRule(SarifRule::create()
                                                         .setRuleId(F.Check)
                                                         .setDescription(
                                                             summaryOf(F.Check))))
                 .first;
    // A file that can no longer be read still gets its result, without a
    // location: a finding is never dropped.
    std::optional<CharSourceRange> Where = Range(F.Where);
    // The notes travel as a thread flow: the steps a reader follows from
    // the spawn to the concurrent use.
    std::vector<ThreadFlow> Flow;
    for (const FindingNote &N : F.Notes)
      if (std::optional<CharSourceRange> NoteRange = Range(N.Where))
        Flow.push_back(ThreadFlow::create()
                           .setRange(*NoteRange)
                           .setImportance(ThreadFlowImportance::Important)
                           .setMessage(N.Message));
    SarifResult Result = SarifResult::create(Rule->second)
                             .setRuleId(F.Check)
                             .setDiagnosticMessage(F.Message)
                             .setDiagnosticLevel(SarifResultLevel::Warning);
    if (Where)
#if CLANG_VERSION_MAJOR >= 22
      Result = Result.addLocations({*Where});
#else
      Result = Result.setLocations({*Where});
#endif
    if (!Flow.empty())
      Result = Result.setThreadFlows(Flow);
    Writer.appendResult(Result);
    Written.push_back(&F);
  }
  llvm::json::Object Doc = Writer.createDocument();

  // What the writer does not know: fingerprints that survive line shifts
  // (for code scanning to match results across commits), the notes as
  // related locations, and paths relative to the source root.
  auto RelativeUri = [&](llvm::json::Object &ArtifactLocation) {
    if (std::optional<llvm::StringRef> Uri = ArtifactLocation.getString("uri")) {
      llvm::StringRef Path = *Uri;
      if (Path.consume_front("file://")) {
        std::string Decoded;
        for (size_t I = 0; I < Path.size(); ++I) {
          if (Path[I] == '%' && I + 2 < Path.size()) {
            unsigned Byte;
            if (!Path.substr(I + 1, 2).getAsInteger(16, Byte)) {
              Decoded.push_back(static_cast<char>(Byte));
              I += 2;
              continue;
            }
          }
          Decoded.push_back(Path[I]);
        }
        std::string Shown = displayPath(Decoded, Options.Root);
        if (Shown != Decoded) {
          ArtifactLocation["uri"] = Shown;
          ArtifactLocation["uriBaseId"] = "%SRCROOT%";
        }
      }
    }
  };
  if (llvm::json::Array *Runs = Doc.getArray("runs"))
    for (llvm::json::Value &RunValue : *Runs) {
      llvm::json::Object *Run = RunValue.getAsObject();
      if (!Run)
        continue;
      llvm::json::Array *Results = Run->getArray("results");
      if (!Results)
        continue;
      for (size_t I = 0; I < Results->size() && I < Written.size(); ++I) {
        llvm::json::Object *Result = (*Results)[I].getAsObject();
        if (!Result)
          continue;
        const Finding &F = *Written[I];
        Result->try_emplace("partialFingerprints",
                            llvm::json::Object{{"sessionlint/v1", F.Fingerprint}});
        llvm::json::Array Related;
        for (size_t N = 0; N < F.Notes.size(); ++N) {
          const FindingNote &Note = F.Notes[N];
          Related.push_back(llvm::json::Object{
              {"id", N},
              {"message", llvm::json::Object{{"text", Note.Message}}},
              {"physicalLocation",
               llvm::json::Object{
                   {"artifactLocation",
                    llvm::json::Object{{"uri", "file://" + Note.Where.File}}},
                   {"region", llvm::json::Object{
                                  {"startLine", Note.Where.Line},
                                  {"startColumn", Note.Where.Column}}}}}});
        }
        if (!Related.empty())
          Result->try_emplace("relatedLocations", std::move(Related));
      }
      if (llvm::json::Object *Tool = Run->getObject("tool"))
        if (llvm::json::Object *Driver = Tool->getObject("driver"))
          (*Driver)["informationUri"] = Options.DocsUrl;
      Run->try_emplace(
          "originalUriBaseIds",
          llvm::json::Object{
              {"%SRCROOT%",
               llvm::json::Object{{"uri", "file://" + Options.Root + "/"}}}});
    }
  // Every artifact location the writer produced carries an absolute file
  // URI; under the root it becomes relative to %SRCROOT%.
  std::function<void(llvm::json::Value &)> Walk = [&](llvm::json::Value &V) {
    if (llvm::json::Object *O = V.getAsObject()) {
      if (llvm::json::Object *Artifact = O->getObject("artifactLocation"))
        RelativeUri(*Artifact);
      if (llvm::json::Object *Location = O->getObject("location");
          Location && Location->getString("uri"))
        RelativeUri(*Location);
      for (auto &KV : *O)
        Walk(KV.second);
    } else if (llvm::json::Array *A = V.getAsArray()) {
      for (llvm::json::Value &E : *A)
        Walk(E);
    }
  };
  llvm::json::Value Document(std::move(Doc));
  Walk(Document);
  OS << llvm::formatv("{0:2}", Document) << "\n";
}

/// GitHub workflow command escaping: data and property values differ.
std::string escapeGithub(llvm::StringRef Text, bool Property) {
  std::string Out;
  for (char C : Text) {
    switch (C) {
    case '%': Out += "%25"; break;
    case '\r': Out += "%0D"; break;
    case '\n': Out += "%0A"; break;
    case ':': Out += Property ? "%3A" : ":"; break;
    case ',': Out += Property ? "%2C" : ","; break;
    default: Out += C;
    }
  }
  return Out;
}

void renderGithub(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                  const RenderOptions &Options) {
  for (const Finding &F : Findings) {
    std::string Message = F.Message;
    for (const FindingNote &N : F.Notes)
      Message += "\nnote: " + displayPath(N.Where.File, Options.Root) + ":" +
                 std::to_string(N.Where.Line) + ":" +
                 std::to_string(N.Where.Column) + ": " + N.Message;
    OS << "::warning file="
       << escapeGithub(displayPath(F.Where.File, Options.Root), true)
       << ",line=" << F.Where.Line << ",col=" << F.Where.Column
       << ",title=" << escapeGithub(F.Check, true) << "::"
       << escapeGithub(Message, false) << "\n";
  }
}

void renderCodeClimate(llvm::raw_ostream &OS,
                       const std::vector<Finding> &Findings,
                       const RenderOptions &Options) {
  llvm::json::Array Issues;
  for (const Finding &F : Findings) {
    std::string Description = F.Message;
    Issues.push_back(llvm::json::Object{
        {"type", "issue"},
        {"check_name", F.Check},
        {"description", Description},
        {"categories", llvm::json::Array{"Bug Risk"}},
        {"severity", "major"},
        {"fingerprint", F.Fingerprint},
        {"location",
         llvm::json::Object{
             {"path", displayPath(F.Where.File, Options.Root)},
             {"lines", llvm::json::Object{{"begin", F.Where.Line}}}}}});
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Issues))) << "\n";
}

} // namespace

std::optional<Format> parseFormat(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<Format>>(Name)
      .Case("text", Format::Text)
      .Case("json", Format::Json)
      .Case("sarif", Format::Sarif)
      .Case("github", Format::Github)
      .Case("codeclimate", Format::CodeClimate)
      .Default(std::nullopt);
}

void render(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
            const RenderOptions &Options, SourceCache &Sources) {
  switch (Options.Kind) {
  case Format::Text:
    renderText(OS, Findings, Options, Sources);
    return;
  case Format::Json:
    renderJson(OS, Findings, Options);
    return;
  case Format::Sarif:
    renderSarif(OS, Findings, Options);
    return;
  case Format::Github:
    renderGithub(OS, Findings, Options);
    return;
  case Format::CodeClimate:
    renderCodeClimate(OS, Findings, Options);
    return;
  }
}

} // namespace sessionlint::cli
