#include "SharedAcrossTasksCheck.h"
#include "analysis/LargeStack.h"
#include "analysis/Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace sessionlint {
namespace {

constexpr llvm::StringLiteral FixNote =
    "give the task its own session (open it inside the task or lease it from "
    "a pool), or join the task before using %0 again";
constexpr llvm::StringLiteral OverlapFixNote =
    "give each task its own session (open it inside the task or lease it from "
    "a pool), or join each task before the next one starts";

} // namespace

SharedAcrossTasksCheck::SharedAcrossTasksCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : SessionLintCheck(Name, Context) {
  Joins.setUserJoins(&TypeOptions.joinFunctions());
}

SharedAcrossTasksCheck::~SharedAcrossTasksCheck() = default;

void SharedAcrossTasksCheck::registerMatchers(MatchFinder *Finder) {
  if (!registerConfigurationError(Finder))
    return;
  addSpawnMatchers(Finder);
  // The functions of user code: the engine looks into their bodies for the
  // callers of helpers that start tasks, once, when some helper does.
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader())).bind("function"),
      this);
}

void SharedAcrossTasksCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (!Analysis)
    Analysis = std::make_unique<Engine>(*Ctx, TypeOptions.classifier(), Joins);
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    Analysis->addFunction(Function);
    return;
  }
  const auto *Candidate = Result.Nodes.getNodeAs<Stmt>("spawn");
  std::optional<SpawnSite> Site = recognizeSpawn(
      Candidate, *Result.Context, &TypeOptions.userApis());
  if (!Site)
    return;
  const Decl *Function = enclosingFunction(Candidate, *Result.Context, &Enclosing);
  if (!Function)
    return; // A default argument, a global initializer: nothing to order.
  followMovedHandle(*Site, Function->getBody(), *Ctx);
  Analysis->addSite(Function, std::move(*Site));
}

void SharedAcrossTasksCheck::onEndOfTranslationUnit() {
  if (Analysis)
    runWithLargeStack([&] {
      for (const Finding &F : Analysis->run())
        report(F);
    });
  Analysis.reset();
  Enclosing.clear();
  Joins = JoinFinder();
  Joins.setUserJoins(&TypeOptions.joinFunctions());
}

std::string SharedAcrossTasksCheck::typeName(const ValueDecl *Session) const {
  return spelledTypeOf(Session, *Ctx);
}

void SharedAcrossTasksCheck::noteHelper(const SpawnSite &Site) {
  if (Site.HelperSpawn)
    diag(Site.HelperSpawn->getBeginLoc(),
         Site.HelperQueues
             ? "'%0' hands the task to a worker thread here"
             : "'%0' starts a task that outlives it here",
         DiagnosticIDs::Note)
        << Site.Api;
}

void SharedAcrossTasksCheck::report(const Finding &F) {
  const SpawnSite &Site = *F.Site;
  const ValueDecl *Session = F.Reached.Named;
  if (!Session)
    return;
  SourceLocation Anchor = F.Reached.Anchor;
  switch (F.What) {
  case Finding::SpawnInLoop:
    diag(Anchor, "session %0 of type '%1' is shared by overlapping tasks "
                 "started by '%2' in a loop")
        << Session << typeName(Session) << Site.Api;
    diag(Site.Call->getBeginLoc(), "task started here", DiagnosticIDs::Note);
    noteHelper(Site);
    diag(Site.Call->getBeginLoc(),
         "the next iteration starts another task while this one may still be "
         "running",
         DiagnosticIDs::Note);
    diag(Anchor, OverlapFixNote, DiagnosticIDs::Note);
    return;
  case Finding::OverlappingTasks:
    diag(Anchor, "session %0 of type '%1' is shared by overlapping tasks "
                 "started by '%2' and '%3'")
        << Session << typeName(Session) << Site.Api << F.OtherApi;
    diag(Site.Call->getBeginLoc(), "task started here", DiagnosticIDs::Note);
    noteHelper(Site);
    diag(F.UseLoc,
         "another task reaches %0 here while the first may still be running",
         DiagnosticIDs::Note)
        << Session;
    diag(Anchor, OverlapFixNote, DiagnosticIDs::Note);
    return;
  case Finding::UseAfterSpawn:
    diag(Anchor, "session %0 of type '%1' is shared with a task started by "
                 "'%2' while this function keeps using it")
        << Session << typeName(Session) << Site.Api;
    diag(Site.Call->getBeginLoc(), "task started here", DiagnosticIDs::Note);
    noteHelper(Site);
    diag(F.UseLoc, "%0 used here while the task may still be running",
         DiagnosticIDs::Note)
        << Session;
    diag(Anchor, FixNote, DiagnosticIDs::Note) << Session;
    return;
  case Finding::Parallel:
    diag(Anchor, "session %0 of type '%1' is shared by tasks that '%2' runs "
                 "in parallel")
        << Session << typeName(Session) << Site.Api;
    diag(Site.Call->getBeginLoc(),
         Site.CallablesRunOnce
             ? "these functions run at the same time, each on its own thread"
             : "this body runs on several threads at the same time",
         DiagnosticIDs::Note);
    diag(Anchor,
         "give each task its own session (open it inside the task or lease it "
         "from a pool), or hold one mutex around every use of %0",
         DiagnosticIDs::Note)
        << Session;
    return;
  case Finding::Escape:
    diag(Anchor, "session %0 of type '%1' is shared with a detached task "
                 "started by '%2' while the caller keeps using it")
        << Session << typeName(Session) << Site.Api;
    diag(Site.Call->getBeginLoc(), "task started here", DiagnosticIDs::Note);
    if (F.DetachedAt)
      diag(F.DetachedAt->getExprLoc(), "detached here", DiagnosticIDs::Note);
    else
      diag(Site.Call->getBeginLoc(), "this function never joins the task",
           DiagnosticIDs::Note);
    diag(Session->getLocation(),
         "%0 is owned outside this function, which returns while the task runs",
         DiagnosticIDs::Note)
        << Session;
    diag(Anchor,
         "give the task its own session (open it inside the task or lease it "
         "from a pool), or join the task before returning",
         DiagnosticIDs::Note);
    return;
  }
}

} // namespace sessionlint
