#include "CompilerErrors.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclBase.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

#include <memory>

using namespace clang;

namespace sessionlint {

namespace {

/// Forwards every call to the consumer it replaced, and keeps the file
/// location of each error. Owned by the DiagnosticsEngine; owns the
/// replaced consumer when the engine did.
class ErrorRecorder final : public DiagnosticConsumer {
public:
  ErrorRecorder(DiagnosticConsumer *Next, std::unique_ptr<DiagnosticConsumer> Owned)
      : Next(Next), Owned(std::move(Owned)) {}

  void BeginSourceFile(const LangOptions &Lang, const Preprocessor *PP) override {
    Next->BeginSourceFile(Lang, PP);
  }
  void EndSourceFile() override { Next->EndSourceFile(); }
  void finish() override { Next->finish(); }
  void clear() override {
    DiagnosticConsumer::clear();
    Next->clear();
  }
  bool IncludeInDiagnosticCounts() const override {
    return Next->IncludeInDiagnosticCounts();
  }
  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    if (Level >= DiagnosticsEngine::Error && Info.getLocation().isValid() &&
        Info.hasSourceManager())
      Errors.push_back(Info.getSourceManager().getFileLoc(Info.getLocation()));
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    Next->HandleDiagnostic(Level, Info);
  }

  llvm::SmallVector<SourceLocation, 8> Errors;

private:
  DiagnosticConsumer *Next;
  std::unique_ptr<DiagnosticConsumer> Owned;
};

} // namespace

void recordCompilerErrors(DiagnosticsEngine &Diags) {
  DiagnosticConsumer *Current = Diags.getClient();
  if (!Current || dynamic_cast<ErrorRecorder *>(Current))
    return;
  std::unique_ptr<DiagnosticConsumer> Owned;
  if (Diags.ownsClient())
    Owned = Diags.takeClient();
  Diags.setClient(new ErrorRecorder(Current, std::move(Owned)), /*ShouldOwnClient=*/true);
}

bool compilerErrorWithin(const ASTContext &Ctx, SourceRange Range) {
  const auto *Recorder = dynamic_cast<const ErrorRecorder *>(Ctx.getDiagnostics().getClient());
  if (!Recorder || Recorder->Errors.empty() || Range.isInvalid())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = SM.getFileLoc(Range.getBegin());
  SourceLocation End = SM.getFileLoc(Range.getEnd());
  for (SourceLocation Error : Recorder->Errors)
    if (SM.getFileID(Error) == SM.getFileID(Begin) &&
        !SM.isBeforeInTranslationUnit(Error, Begin) &&
        !SM.isBeforeInTranslationUnit(End, Error))
      return true;
  return false;
}

bool compiledCleanly(const ASTContext &Ctx) {
  const auto *Recorder = dynamic_cast<const ErrorRecorder *>(Ctx.getDiagnostics().getClient());
  return Recorder && Recorder->Errors.empty();
}

bool compilerErrorAt(const Decl &D) {
  const ASTContext &Ctx = D.getASTContext();
  const auto *Recorder = dynamic_cast<const ErrorRecorder *>(Ctx.getDiagnostics().getClient());
  if (!Recorder || Recorder->Errors.empty())
    return false; // The common case: a file that compiles.
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation End = SM.getFileLoc(D.getEndLoc());
  if (End.isInvalid())
    return compilerErrorWithin(Ctx, D.getSourceRange());
  auto [File, Offset] = SM.getDecomposedLoc(End);
  bool Invalid = false;
  llvm::StringRef Text = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return compilerErrorWithin(Ctx, D.getSourceRange());
  size_t LineEnd = Text.find('\n', Offset);
  if (LineEnd == llvm::StringRef::npos)
    LineEnd = Text.size();
  return compilerErrorWithin(
      Ctx, SourceRange(D.getBeginLoc(),
                       SM.getComposedLoc(File, static_cast<unsigned>(LineEnd))));
}

} // namespace sessionlint
