#include "SharedAcrossTasksCheck.h"
#include "analysis/Names.h"
#include "analysis/TaskOrdering.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/Version.h"

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

/// Owned by someone other than the spawning function: the caller goes on
/// using it after a detached task escapes (SPEC rule 3).
bool ownedOutside(const SessionRef &Session, SessionTypeClassifier &Types) {
  if (Session.ThroughThis)
    return true;
  const auto *Var = dyn_cast<VarDecl>(Session.Decl);
  if (!Var)
    return false;
  if (Var->hasGlobalStorage())
    return true;
  if (isa<ParmVarDecl>(Var))
    return Var->getType()->isReferenceType() ||
           Types.classify(Var->getType()).CopyShares;
  return false;
}

const SpawnSite *enclosingOtherSite(const Stmt *Use, const SpawnSite &Self,
                                    llvm::ArrayRef<SpawnSite> Sites,
                                    const SourceManager &SM) {
  for (const SpawnSite &Other : Sites) {
    if (Other.Call == Self.Call)
      continue;
    SourceRange R = Other.Call->getSourceRange();
    SourceLocation L = Use->getBeginLoc();
    if (!SM.isBeforeInTranslationUnit(L, R.getBegin()) &&
        !SM.isBeforeInTranslationUnit(R.getEnd(), L))
      return &Other;
  }
  return nullptr;
}

} // namespace

NameList SharedAcrossTasksCheck::parseOption(llvm::StringRef Option,
                                             llvm::StringRef Value) {
  llvm::Expected<NameList> List = NameList::parse(Value);
  if (List)
    return std::move(*List);
  OptionsValid = false;
  configurationDiag("invalid value for option '%0': %1",
                          DiagnosticIDs::Error)
      << Option << llvm::toString(List.takeError());
  return {};
}

SharedAcrossTasksCheck::SharedAcrossTasksCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      SessionTypesOption(Options.get("SessionTypes", "")),
      SafeTypesOption(Options.get("SafeTypes", "")) {
  NameList Sessions = parseOption("SessionTypes", SessionTypesOption);
  NameList Safe = parseOption("SafeTypes", SafeTypesOption);
  Types = std::make_unique<SessionTypeClassifier>(std::move(Sessions),
                                                  std::move(Safe));
}

void SharedAcrossTasksCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SessionTypes", SessionTypesOption);
  Options.store(Opts, "SafeTypes", SafeTypesOption);
}

void SharedAcrossTasksCheck::registerMatchers(MatchFinder *Finder) {
  if (!OptionsValid)
    return;
  Finder->addMatcher(
      traverse(TK_AsIs, spawnCall().bind("spawn")), this);
}

void SharedAcrossTasksCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Candidate = Result.Nodes.getNodeAs<Expr>("spawn");
  Ctx = Result.Context;
  std::optional<SpawnSite> Site = recognizeSpawn(Candidate, *Result.Context);
  if (!Site)
    return;
  const Decl *Function = enclosingFunction(Candidate, *Result.Context);
  if (!Function)
    return; // A default argument, a global initializer: nothing to order.
  Pending[Function].push_back(std::move(*Site));
}

void SharedAcrossTasksCheck::onEndOfTranslationUnit() {
  for (auto &[Function, Sites] : Pending)
    analyseFunction(Function, Sites);
  Pending.clear();
}

void SharedAcrossTasksCheck::analyseFunction(const Decl *Function,
                                             llvm::ArrayRef<SpawnSite> Sites) {
  std::unique_ptr<FunctionOrdering> Ordering =
      FunctionOrdering::build(Function, *Ctx);
  if (!Ordering)
    return;
  for (const SpawnSite &Site : Sites) {
    const Expr *DetachedLater = Ordering->findDetach(Site.Handle);
    for (const ReachedSession &Reached : sessionsReachedBy(Site, *Types)) {
      if (std::optional<ConcurrentUse> Use =
              Ordering->firstConcurrentUse(Site, Reached.Session)) {
        report(Site, Reached, *Use, Sites);
      } else if ((Site.Joins == JoinKind::Never || DetachedLater) &&
                 ownedOutside(Reached.Session, *Types)) {
        reportEscape(Site, Reached,
                     DetachedLater ? DetachedLater : Site.DetachedAt);
      }
    }
  }
}

/// A type as users spell it: an alias keeps its name (`pqxx::work`,
/// `PGconn *`), anything else is printed fully qualified from its canonical
/// form, without inline (std::__1, pqxx::v7) or anonymous namespaces.
static std::string spelledType(QualType T, const PrintingPolicy &Policy) {
#if CLANG_VERSION_MAJOR < 22
  // Clang 22 folded the written qualifier into the type node itself.
  if (const auto *Elaborated = dyn_cast<ElaboratedType>(T.getTypePtr()))
    T = Elaborated->getNamedType();
#endif
  if (const auto *Typedef = dyn_cast<TypedefType>(T.getTypePtr()))
    return qualifiedName(Typedef->getDecl());
  if (const auto *Pointer = dyn_cast<PointerType>(T.getTypePtr()))
    return spelledType(Pointer->getPointeeType(), Policy) + " *";
  return T.getCanonicalType().getUnqualifiedType().getAsString(Policy);
}

std::string SharedAcrossTasksCheck::typeName(const ValueDecl *Session) const {
  QualType T = Session->getType().getNonReferenceType();
  if (const auto *Auto = T->getContainedAutoType(); Auto && Auto->isDeduced())
    T = Auto->getDeducedType();
  PrintingPolicy Policy(Ctx->getLangOpts());
  Policy.SuppressTagKeyword = true;
  Policy.SuppressUnwrittenScope = true;
  return spelledType(T, Policy);
}

void SharedAcrossTasksCheck::report(const SpawnSite &Site,
                                    const ReachedSession &Reached,
                                    const ConcurrentUse &Use,
                                    llvm::ArrayRef<SpawnSite> Sites) {
  const ValueDecl *Session = Reached.Session.Decl;
  const SpawnSite *Other =
      Use.What == ConcurrentUse::UseInFunction
          ? enclosingOtherSite(Use.Where, Site, Sites, Ctx->getSourceManager())
          : nullptr;
  if (Use.What == ConcurrentUse::SameSpawnAgain) {
    diag(Reached.Anchor, "session %0 of type '%1' is shared by overlapping "
                         "tasks started by '%2' in a loop")
        << Session << typeName(Session) << Site.Api;
    diag(Site.Call->getBeginLoc(), "task started here", DiagnosticIDs::Note);
    diag(Site.Call->getBeginLoc(),
         "the next iteration starts another task while this one may still be "
         "running",
         DiagnosticIDs::Note);
    diag(Reached.Anchor, OverlapFixNote, DiagnosticIDs::Note);
    return;
  }
  if (Other) {
    diag(Reached.Anchor, "session %0 of type '%1' is shared by overlapping "
                         "tasks started by '%2' and '%3'")
        << Session << typeName(Session) << Site.Api << Other->Api;
    diag(Site.Call->getBeginLoc(), "task started here", DiagnosticIDs::Note);
    diag(Use.Where->getBeginLoc(),
         "another task reaches %0 here while the first may still be running",
         DiagnosticIDs::Note)
        << Session;
    diag(Reached.Anchor, OverlapFixNote, DiagnosticIDs::Note);
    return;
  }
  diag(Reached.Anchor, "session %0 of type '%1' is shared with a task started "
                       "by '%2' while this function keeps using it")
      << Session << typeName(Session) << Site.Api;
  diag(Site.Call->getBeginLoc(), "task started here", DiagnosticIDs::Note);
  diag(Use.Where->getBeginLoc(),
       "%0 used here while the task may still be running", DiagnosticIDs::Note)
      << Session;
  diag(Reached.Anchor, FixNote, DiagnosticIDs::Note) << Session;
}

void SharedAcrossTasksCheck::reportEscape(const SpawnSite &Site,
                                          const ReachedSession &Reached,
                                          const Expr *DetachedAt) {
  const ValueDecl *Session = Reached.Session.Decl;
  diag(Reached.Anchor, "session %0 of type '%1' is shared with a detached "
                       "task started by '%2' while the caller keeps using it")
      << Session << typeName(Session) << Site.Api;
  diag(Site.Call->getBeginLoc(), "task started here", DiagnosticIDs::Note);
  if (DetachedAt)
    diag(DetachedAt->getExprLoc(), "detached here", DiagnosticIDs::Note);
  else
    diag(Site.Call->getBeginLoc(), "this function never joins the task",
         DiagnosticIDs::Note);
  diag(Session->getLocation(),
       "%0 is owned outside this function, which returns while the task runs",
       DiagnosticIDs::Note)
      << Session;
  diag(Reached.Anchor,
       "give the task its own session (open it inside the task or lease it "
       "from a pool), or join the task before returning",
       DiagnosticIDs::Note);
}

} // namespace sessionlint
