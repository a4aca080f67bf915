#include "Output.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/FormatVariadic.h"

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


/// A file as SARIF names it: relative to %SRCROOT% when under the root,
/// else an absolute file URI.
void sarifArtifact(llvm::json::OStream &J, llvm::StringRef File,
                   llvm::StringRef Root) {
  std::string Shown = displayPath(File, Root);
  J.attributeObject("artifactLocation", [&] {
    if (Shown != File) {
      J.attribute("uri", encodeUriPath(Shown));
      J.attribute("uriBaseId", "%SRCROOT%");
    } else {
      J.attribute("uri", "file://" + encodeUriPath(File));
    }
  });
}

/// SARIF's columns count Unicode code points; the findings count bytes.
unsigned codePointColumn(SourceCache &Sources, const SourcePoint &P) {
  std::string Text = Sources.lineText(P.File, P.Line);
  if (Text.empty() || P.Column == 0)
    return P.Column;
  unsigned Column = 1;
  for (unsigned I = 0; I + 1 < P.Column && I < Text.size(); ++I)
    if ((static_cast<unsigned char>(Text[I]) & 0xC0) != 0x80)
      ++Column;
  return Column;
}

void sarifPhysicalLocation(llvm::json::OStream &J, const SourcePoint &P,
                           llvm::StringRef Root, SourceCache &Sources) {
  J.attributeObject("physicalLocation", [&] {
    sarifArtifact(J, P.File, Root);
    if (P.Line > 0)
      J.attributeObject("region", [&] {
        J.attribute("startLine", P.Line);
        if (P.Column > 0)
          J.attribute("startColumn", codePointColumn(Sources, P));
      });
  });
}

/// SARIF 2.1.0, written as it goes: nothing but the current result is held
/// in memory, whatever the number of findings.
void renderSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                 const RenderOptions &Options, SourceCache &Sources) {
  llvm::json::OStream J(OS, 2);
  llvm::StringMap<size_t> RuleIndex;
  std::vector<CheckInfo> Rules(std::begin(KnownChecks), std::end(KnownChecks));
  for (size_t I = 0; I < Rules.size(); ++I)
    RuleIndex[Rules[I].Name] = I;
  J.object([&] {
    J.attribute("$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
                           "cos02/schemas/sarif-schema-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attributeObject("tool", [&] {
          J.attributeObject("driver", [&] {
            J.attribute("name", ToolName);
            J.attribute("fullName", ToolName);
            J.attribute("version", SESSIONLINT_VERSION);
            J.attribute("informationUri", Options.DocsUrl);
            J.attributeArray("rules", [&] {
              for (const CheckInfo &Info : Rules)
                J.object([&] {
                  J.attribute("id", Info.Name);
                  J.attribute("name", Info.Title);
                  J.attributeObject("shortDescription",
                                    [&] { J.attribute("text", Info.Summary); });
                  J.attributeObject("fullDescription",
                                    [&] { J.attribute("text", Info.Summary); });
                  J.attribute("helpUri", Options.DocsUrl + Info.Name.str() + ".md");
                  J.attributeObject("defaultConfiguration",
                                    [&] { J.attribute("level", "warning"); });
                });
            });
          });
        });
        J.attributeObject("originalUriBaseIds", [&] {
          J.attributeObject("%SRCROOT%", [&] {
            J.attribute("uri", "file://" + encodeUriPath(Options.Root) + "/");
          });
        });
        // A consumer tells "clean" from "not analysed" here.
        J.attributeArray("invocations", [&] {
          J.object([&] {
            J.attribute("executionSuccessful", Options.NotAnalysedFiles.empty());
            J.attributeArray("toolExecutionNotifications", [&] {
              for (const NotAnalysed &File : Options.NotAnalysedFiles)
                J.object([&] {
                  J.attribute("level", "error");
                  J.attributeObject("message", [&] {
                    J.attribute("text", "not analysed: " + File.Reason);
                  });
                  J.attributeArray("locations", [&] {
                    J.object([&] {
                      J.attributeObject("physicalLocation", [&] {
                        sarifArtifact(J, File.File, Options.Root);
                      });
                    });
                  });
                });
            });
          });
        });
        J.attribute("columnKind", "unicodeCodePoints");
        J.attributeArray("results", [&] {
          for (const Finding &F : Findings)
            J.object([&] {
              J.attribute("ruleId", F.Check);
              if (auto It = RuleIndex.find(F.Check); It != RuleIndex.end())
                J.attribute("ruleIndex", It->second);
              J.attribute("level", "warning");
              J.attributeObject("message", [&] { J.attribute("text", F.Message); });
              // A file that can no longer be read still gets its result,
              // with the line and column it had: a finding is never dropped.
              J.attributeArray("locations", [&] {
                J.object([&] {
                  sarifPhysicalLocation(J, F.Where, Options.Root, Sources);
                });
              });
              // The notes travel as a thread flow (the steps a reader
              // follows from the spawn to the concurrent use) and as related
              // locations.
              if (!F.Notes.empty()) {
                J.attributeArray("codeFlows", [&] {
                  J.object([&] {
                    J.attributeArray("threadFlows", [&] {
                      J.object([&] {
                        J.attributeArray("locations", [&] {
                          for (const FindingNote &N : F.Notes)
                            J.object([&] {
                              J.attributeObject("location", [&] {
                                sarifPhysicalLocation(J, N.Where, Options.Root,
                                                      Sources);
                                J.attributeObject("message", [&] {
                                  J.attribute("text", N.Message);
                                });
                              });
                              J.attribute("importance", "important");
                            });
                        });
                      });
                    });
                  });
                });
                J.attributeArray("relatedLocations", [&] {
                  for (size_t N = 0; N < F.Notes.size(); ++N)
                    J.object([&] {
                      J.attribute("id", N);
                      J.attributeObject("message", [&] {
                        J.attribute("text", F.Notes[N].Message);
                      });
                      sarifPhysicalLocation(J, F.Notes[N].Where, Options.Root,
                                            Sources);
                    });
                });
              }
              J.attributeObject("partialFingerprints", [&] {
                J.attribute("sessionlint/v1", F.Fingerprint);
              });
            });
        });
      });
    });
  });
  OS << "\n";
}

void jsonPoint(llvm::json::OStream &J, const SourcePoint &P, llvm::StringRef Root) {
  J.attribute("file", displayPath(P.File, Root));
  J.attribute("line", P.Line);
  J.attribute("column", P.Column);
}

void renderJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const RenderOptions &Options) {
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("version", 1);
    J.attributeObject("tool", [&] {
      J.attribute("name", ToolName);
      J.attribute("version", SESSIONLINT_VERSION);
    });
    J.attributeArray("findings", [&] {
      for (const Finding &F : Findings)
        J.object([&] {
          J.attribute("check", F.Check);
          J.attribute("message", F.Message);
          jsonPoint(J, F.Where, Options.Root);
          J.attribute("fingerprint", F.Fingerprint);
          J.attributeArray("notes", [&] {
            for (const FindingNote &N : F.Notes)
              J.object([&] {
                jsonPoint(J, N.Where, Options.Root);
                J.attribute("message", N.Message);
              });
          });
        });
    });
    // Files the findings do not cover: empty means every file was analysed.
    J.attributeArray("errors", [&] {
      for (const NotAnalysed &File : Options.NotAnalysedFiles)
        J.object([&] {
          J.attribute("file", displayPath(File.File, Options.Root));
          J.attribute("message", "not analysed: " + File.Reason);
        });
    });
    J.attributeObject("summary", [&] {
      J.attribute("findings", Findings.size());
      J.attribute("files", Options.FilesAnalysed);
      J.attribute("notAnalysed", Options.NotAnalysedFiles.size());
    });
  });
  OS << "\n";
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
  for (const NotAnalysed &File : Options.NotAnalysedFiles)
    OS << "::error file="
       << escapeGithub(displayPath(File.File, Options.Root), true)
       << ",title=sessionlint::"
       << escapeGithub("not analysed: " + File.Reason, false) << "\n";
}

void codeClimateIssue(llvm::json::OStream &J, llvm::StringRef Check,
                      llvm::StringRef Description, llvm::StringRef Severity,
                      llvm::StringRef Fingerprint, llvm::StringRef Path,
                      unsigned Line) {
  J.object([&] {
    J.attribute("type", "issue");
    J.attribute("check_name", Check);
    J.attribute("description", Description);
    J.attributeArray("categories", [&] { J.value("Bug Risk"); });
    J.attribute("severity", Severity);
    J.attribute("fingerprint", Fingerprint);
    J.attributeObject("location", [&] {
      J.attribute("path", Path);
      J.attributeObject("lines", [&] { J.attribute("begin", Line); });
    });
  });
}

void renderCodeClimate(llvm::raw_ostream &OS,
                       const std::vector<Finding> &Findings,
                       const RenderOptions &Options) {
  llvm::json::OStream J(OS, 2);
  J.array([&] {
    for (const Finding &F : Findings)
      codeClimateIssue(J, F.Check, F.Message, "major", F.Fingerprint,
                       displayPath(F.Where.File, Options.Root), F.Where.Line);
    // GitLab shows a blocker for each file the findings do not cover.
    for (const NotAnalysed &File : Options.NotAnalysedFiles) {
      std::string Path = displayPath(File.File, Options.Root);
      codeClimateIssue(J, "sessionlint-not-analysed",
                       "not analysed: " + File.Reason, "blocker",
                       llvm::toHex(llvm::SHA1::hash(llvm::arrayRefFromStringRef(
                           "sessionlint-not-analysed:" + Path))),
                       Path, 1);
    }
  });
  OS << "\n";
}

} // namespace

// RFC 3986: everything but the unreserved characters and the path
/// separator is percent-encoded, byte by byte (UTF-8 stays UTF-8 once
/// decoded). A '#' or '?' in a file name would otherwise start a fragment
/// or a query, and a space or a non-ASCII letter is not a valid URI.
std::string encodeUriPath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out.push_back(C);
      continue;
    }
    static const char Hex[] = "0123456789ABCDEF";
    Out.push_back('%');
    Out.push_back(Hex[C >> 4]);
    Out.push_back(Hex[C & 15]);
  }
  return Out;
}

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
    renderSarif(OS, Findings, Options, Sources);
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
