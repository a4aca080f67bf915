#include "ThreadAffinityCheck.h"
#include "analysis/Catalog.h"
#include "analysis/LargeStack.h"
#include "analysis/NamedConnections.h"
#include "analysis/Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/MapVector.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace sessionlint {

ThreadAffinityCheck::ThreadAffinityCheck(llvm::StringRef Name,
                                         clang::tidy::ClangTidyContext *Context)
    : SessionLintCheck(Name, Context) {
  Joins.setUserJoins(&TypeOptions.joinFunctions());
}

ThreadAffinityCheck::~ThreadAffinityCheck() = default;

void ThreadAffinityCheck::registerMatchers(MatchFinder *Finder) {
  if (!registerConfigurationError(Finder))
    return;
  addSpawnMatchers(Finder);
  // User functions: the overriders a virtual entry point may run.
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader())).bind("function"),
      this);
}

namespace {

/// Whether the translation unit can hold a thread-affine object at all:
/// it names a catalog type that is one (QSqlDatabase), or an annotation
/// (`SESSIONLINT_THREAD_AFFINE` is a clang::annotate attribute). Most
/// translation units name neither, and then no task is worth following.
bool mayHoldThreadAffine(ASTContext &Ctx) {
  auto Named = [&](llvm::StringRef Name) {
    auto It = Ctx.Idents.find(Name);
    return It != Ctx.Idents.end() && It->second->getTokenID() == tok::identifier;
  };
  if (Named("annotate"))
    return true;
  for (const CatalogEntry &Entry : builtinCatalog())
    if (Entry.Result == Verdict::ThreadAffine &&
        Named(Entry.Name.rsplit("::").second.empty() ? Entry.Name
                                                      : Entry.Name.rsplit("::").second))
      return true;
  return false;
}

} // namespace

void ThreadAffinityCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (!Relevant)
    Relevant = TypeOptions.hasThreadAffineTypes() || mayHoldThreadAffine(*Ctx);
  if (!*Relevant)
    return;
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
  const Decl *Function = enclosingFunction(Candidate, *Ctx, &Enclosing);
  if (!Function)
    return;
  Sites.push_back({Function, Site->Call});
  Analysis->addSite(Function, std::move(*Site));
}


void ThreadAffinityCheck::onEndOfTranslationUnit() {
  if (Analysis)
    runWithLargeStack([&] {
      llvm::DenseSet<const Stmt *> Done;
      // A lookup in a helper several tasks call is one bug.
      llvm::DenseSet<const Expr *> Told;
      for (const auto &[Function, Call] : Sites) {
        const SpawnSite *Site = Analysis->summaries().spawnAt(Call);
        if (!Site || !Done.insert(Call).second || hasErrors(Function))
          continue;
        // One finding per object, where the task first obtains it.
        llvm::MapVector<Place, const TaskAccess *> Objects;
        for (const TaskAccess &A : Analysis->reachOf(Function, *Site))
          if (TypeOptions.classifier().classify(A.Use.Target.type()).isThreadAffine() &&
              A.Named)
            Objects.try_emplace(A.Use.Target, &A);
        // A connection the task looks up by name (QSqlDatabase::database,
        // a QSqlQuery on the default connection) that it did not add.
        TaskConnections Connections = connectionsOf(*Site, *Ctx);
        for (const ForeignConnection &Foreign : Connections.Foreign) {
          if (!Told.insert(Foreign.Lookup).second)
            continue;
          diag(Foreign.At,
               "%0 belongs to the thread that added it, but a task started by "
               "'%1' looks it up and uses it")
              << Foreign.Connection << Site->Api;
          diag(Site->Call->getBeginLoc(), "task started here", DiagnosticIDs::Note);
          diag(Foreign.At,
               "add a connection of the task's own inside it "
               "(QSqlDatabase::addDatabase or cloneDatabase with a name unique "
               "to the task) and remove it with QSqlDatabase::removeDatabase "
               "when the task ends",
               DiagnosticIDs::Note);
        }
        // A member the task gives a connection of its own (`m_db =
        // QSqlDatabase::addDatabase(...)` in run()) is made in the task.
        for (const auto &[Object, Use] : Objects) {
          const ValueDecl *Named = Use->Named;
          if (Connections.Assigned.contains(Named))
            continue;
          diag(Use->Anchor, "%0 of type '%1' may only be used from the thread "
                            "that created it, but a task started by '%2' uses it")
              << Named << spelledTypeOf(Named, *Ctx) << Site->Api;
          diag(Site->Call->getBeginLoc(), "task started here", DiagnosticIDs::Note);
          diag(Named->getLocation(), "%0 belongs to the thread that runs this code",
               DiagnosticIDs::Note)
              << Named;
          diag(Use->Anchor,
               "create the object inside the task (for QSqlDatabase: "
               "QSqlDatabase::cloneDatabase with a connection name of the task's "
               "own, then open it there)",
               DiagnosticIDs::Note);
        }
      }
    });
  Analysis.reset();
  Relevant.reset();
  Sites.clear();
  Enclosing.clear();
  Joins = JoinFinder();
  Joins.setUserJoins(&TypeOptions.joinFunctions());
}

} // namespace sessionlint
