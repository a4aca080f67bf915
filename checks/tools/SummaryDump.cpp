//===--- SummaryDump.cpp - print what the engine knows about a file -------===//
//
// `sessionlint-summaries FILE -- FLAGS` prints, for every function of the
// main file, its summary (analysis/Summaries.h): the sessions it uses, with
// the kind of use, the locks held and where; the tasks it starts that
// outlive it and what they reach; the object it returns; the helpers it
// calls whose tasks outlive them. Then every spawn site with the uses its
// task makes, the engine's findings, and how many summaries were computed
// for how many functions (each function at most once per translation unit,
// plus the recomputations of recursive ones).
//
// It is a window into the engine for newcomers and for the engine's own
// tests (test/engine/), in the way clang-tidy's ExprSequence has its own.
//
//===----------------------------------------------------------------------===//
#include "analysis/Engine.h"
#include "analysis/SpawnSites.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace sessionlint;

namespace {

llvm::cl::OptionCategory Category("sessionlint-summaries options");

std::string where(const SourceManager &SM, SourceLocation L) {
  if (L.isInvalid())
    return "?";
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
  return P.isValid() ? std::to_string(P.getLine()) + ":" + std::to_string(P.getColumn())
                     : "?";
}

std::string kindOfUse(OpKind K) {
  llvm::StringRef Name = kindName(K);
  return Name.empty() ? "use" : Name.str();
}

std::string locks(llvm::ArrayRef<Place> Held) {
  std::string Out = "{";
  for (size_t I = 0; I < Held.size(); ++I)
    Out += (I ? ", " : "") + Held[I].spelling();
  return Out + "}";
}

std::string functionName(const Decl *D) {
  if (const auto *M = dyn_cast<CXXMethodDecl>(D); M && M->getParent()->isLambda())
    return "lambda";
  if (const auto *F = dyn_cast<FunctionDecl>(D))
    return F->getQualifiedNameAsString();
  return "block";
}

const char *ruleName(Finding::Kind K) {
  switch (K) {
  case Finding::UseAfterSpawn: return "use-after-spawn";
  case Finding::OverlappingTasks: return "overlapping-tasks";
  case Finding::SpawnInLoop: return "spawn-in-loop";
  case Finding::Parallel: return "parallel";
  case Finding::Escape: return "escape";
  }
  return "?";
}

class Collector : public MatchFinder::MatchCallback {
public:
  Collector(Engine &E) : E(E) {}
  void run(const MatchFinder::MatchResult &Result) override {
    ASTContext &Ctx = *Result.Context;
    if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
      E.addFunction(Function);
      return;
    }
    const auto *Candidate = Result.Nodes.getNodeAs<Stmt>("spawn");
    std::optional<SpawnSite> Site = recognizeSpawn(Candidate, Ctx);
    if (!Site)
      return;
    const Decl *Function = enclosingFunction(Candidate, Ctx);
    if (!Function)
      return;
    followMovedHandle(*Site, Function->getBody(), Ctx);
    Sites.push_back({Function, Site->Call});
    E.addSite(Function, std::move(*Site));
  }
  std::vector<std::pair<const Decl *, const Stmt *>> Sites;

private:
  Engine &E;
};

/// The functions of the main file, in source order.
class Functions : public RecursiveASTVisitor<Functions> {
public:
  explicit Functions(const SourceManager &SM) : SM(SM) {}
  bool VisitFunctionDecl(FunctionDecl *F) {
    if (F->doesThisDeclarationHaveABody() && SM.isInMainFile(F->getLocation()) &&
        !F->isDependentContext())
      Found.push_back(F);
    return true;
  }
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }
  std::vector<const FunctionDecl *> Found;

private:
  const SourceManager &SM;
};

class Consumer : public ASTConsumer {
public:
  void HandleTranslationUnit(ASTContext &Ctx) override {
    SessionTypeClassifier Types({}, {});
    JoinFinder Joins;
    Engine E(Ctx, Types, Joins);
    Collector C(E);
    MatchFinder Finder;
    addSpawnCandidateMatchers(Finder, &C);
    Finder.addMatcher(
        functionDecl(isDefinition(), unless(isExpansionInSystemHeader())).bind("function"),
        &C);
    Finder.matchAST(Ctx);
    std::vector<Finding> Findings = E.run();

    const SourceManager &SM = Ctx.getSourceManager();
    llvm::raw_ostream &OS = llvm::outs();
    Functions All(SM);
    All.TraverseDecl(Ctx.getTranslationUnitDecl());
    SummaryTable &T = E.summaries();
    for (const FunctionDecl *F : All.Found) {
      const Summary &S = T.of(F);
      if (S.Accesses.empty() && S.Tasks.empty() && !S.Returns && S.HelperSpawns.empty())
        continue;
      OS << "function " << functionName(F) << " (" << where(SM, F->getLocation()) << ")\n";
      for (const Access &A : S.Accesses) {
        OS << "  " << kindOfUse(A.Kind) << " " << A.Target.spelling() << " at "
           << where(SM, anchorOf(A.Where)) << " held " << locks(A.Held);
        if (A.Deferred)
          OS << " deferred";
        if (A.ByTask)
          OS << " by-task";
        OS << "\n";
      }
      for (const EscapingTask &Task : S.Tasks) {
        OS << "  task " << Task.Api << " at " << where(SM, Task.Spawn->getBeginLoc())
           << " outlives it" << (Task.ReturnsHandle ? " (handle returned)" : "") << "\n";
        for (const TaskAccess &A : Task.Reach)
          OS << "    reaches " << A.Use.Target.spelling() << " ("
             << kindOfUse(A.Use.Kind) << ") held " << locks(A.Use.Held) << " anchor "
             << where(SM, A.Anchor) << "\n";
      }
      if (S.Returns)
        OS << "  returns " << S.Returns->spelling() << "\n";
      for (const auto &[Call, Task] : S.HelperSpawns)
        OS << "  helper " << Task.Api << " at " << where(SM, Call->getBeginLoc())
           << " starts a task\n";
    }
    for (const auto &[Function, Call] : C.Sites) {
      if (!SM.isInMainFile(Call->getBeginLoc()))
        continue;
      OS << "spawn at " << where(SM, Call->getBeginLoc()) << "\n";
      for (const TaskAccess &A : E.reachOf(Function, *T.spawnAt(Call)))
        OS << "  reaches " << A.Use.Target.spelling() << " (" << kindOfUse(A.Use.Kind)
           << ") held " << locks(A.Use.Held) << " anchor " << where(SM, A.Anchor)
           << (A.Named ? " named " + A.Named->getNameAsString() : std::string()) << "\n";
    }
    for (const Finding &F : Findings)
      OS << "finding " << ruleName(F.What) << " at " << where(SM, F.Reached.Anchor)
         << " " << (F.Reached.Named ? F.Reached.Named->getNameAsString() : "?")
         << (F.Use ? " use " + where(SM, F.UseLoc) : std::string()) << "\n";
    OS << "summaries: " << T.computed() << " computed for " << All.Found.size()
       << " functions of the main file\n";
  }
};

class Action : public ASTFrontendAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, StringRef) override {
    return std::make_unique<Consumer>();
  }
};

} // namespace

int main(int argc, const char **argv) {
  auto Options = tooling::CommonOptionsParser::create(argc, argv, Category);
  if (!Options) {
    llvm::errs() << llvm::toString(Options.takeError()) << "\n";
    return 2;
  }
  tooling::ClangTool Tool(Options->getCompilations(), Options->getSourcePathList());
  return Tool.run(tooling::newFrontendActionFactory<Action>().get());
}
