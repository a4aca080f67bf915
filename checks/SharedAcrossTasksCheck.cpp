#include "SharedAcrossTasksCheck.h"
#include "analysis/LargeStack.h"
#include "analysis/Names.h"
#include "analysis/TaskOrdering.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/Version.h"
#include <functional>

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
bool ownedOutside(const ValueDecl *Session, SessionTypeClassifier &Types) {
  if (isa<FieldDecl>(Session))
    return true;
  const auto *Var = dyn_cast<VarDecl>(Session);
  if (!Var)
    return false;
  if (Var->hasGlobalStorage())
    return true;
  if (isa<ParmVarDecl>(Var))
    return Var->getType()->isReferenceType() ||
           Types.classify(Var->getType()).CopyShares;
  return false;
}

/// Visits the uses of the member Field in the member functions of its class
/// that other code calls: constructors and destructors are left out (they
/// run before the object is shared and after its tasks are joined), and so
/// are the task's own bodies. Stops when Visit returns false.
void forEachOtherMemberUse(const FieldDecl *Field,
                           llvm::ArrayRef<const Stmt *> TaskBodies,
                           llvm::function_ref<bool(const MemberExpr *)> Visit) {
  const auto *Record = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!Record)
    return;
  for (const CXXMethodDecl *Method : Record->methods()) {
    if (isa<CXXConstructorDecl, CXXDestructorDecl>(Method))
      continue;
    const FunctionDecl *Definition = nullptr;
    if (!Method->hasBody(Definition))
      continue;
    llvm::SmallVector<const Stmt *, 32> Work{Definition->getBody()};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || llvm::is_contained(TaskBodies, S))
        continue;
      if (const auto *Member = dyn_cast<MemberExpr>(S);
          Member && Member->getMemberDecl() == Field && !Visit(Member))
        return;
      for (const Stmt *Child : S->children())
        Work.push_back(Child);
    }
  }
}

/// Every use of Field outside the task holds one of Guards.
bool memberUsesGuarded(const FieldDecl *Field, llvm::ArrayRef<MutexKey> Guards,
                       llvm::ArrayRef<const Stmt *> TaskBodies,
                       ASTContext &Ctx) {
  bool Guarded = true;
  forEachOtherMemberUse(Field, TaskBodies, [&](const MemberExpr *Use) {
    Guarded = !intersect(mutexesHeldAt(Use, Ctx), Guards).empty();
    return Guarded;
  });
  return Guarded;
}

/// Whether anyone but the task can use Field: it is public, or another
/// member function uses it. A private session only the task touches is the
/// task's own (a dedicated writer thread owning its connection).
bool memberUsedOutsideTask(const FieldDecl *Field,
                           llvm::ArrayRef<const Stmt *> TaskBodies) {
  if (Field->getAccess() == AS_public)
    return true;
  bool Used = false;
  forEachOtherMemberUse(Field, TaskBodies, [&](const MemberExpr *) {
    Used = true;
    return false;
  });
  return Used;
}

/// `Conn db_ GUARDED_BY(mu_);`: clang's -Wthread-safety checks that every
/// access holds mu_, so no two accesses overlap.
bool provedByThreadSafetyAnalysis(const ValueDecl *Session) {
  return Session->hasAttr<GuardedByAttr>() ||
         Session->hasAttr<PtGuardedByAttr>();
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

SharedAcrossTasksCheck::SharedAcrossTasksCheck(
    llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
    : SessionLintCheck(Name, Context), Types(&TypeOptions.classifier()) {
  Joins.setUserJoins(&TypeOptions.joinFunctions());
}

SharedAcrossTasksCheck::~SharedAcrossTasksCheck() = default;

void SharedAcrossTasksCheck::registerMatchers(MatchFinder *Finder) {
  if (!registerConfigurationError(Finder))
    return;
  addSpawnMatchers(Finder);
  // Calls that may reach a helper starting a task with an argument: user
  // code calling user code with at least one argument. Only pointers are
  // kept; summariseHelpers() looks at them once the whole TU is seen.
  Finder->addMatcher(
      traverse(TK_AsIs,
               callExpr(unless(isExpansionInSystemHeader()),
                        unless(cxxOperatorCallExpr()),
                        callee(functionDecl(unless(isExpansionInSystemHeader()),
                                            unless(parameterCountIs(0)))))
                   .bind("call")),
      this);
}

void SharedAcrossTasksCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    Calls.push_back(Call);
    return;
  }
  const auto *Candidate = Result.Nodes.getNodeAs<Stmt>("spawn");
  std::optional<SpawnSite> Site = recognizeSpawn(
      Candidate, *Result.Context, &TypeOptions.spawnFunctions());
  if (!Site)
    return;
  const Decl *Function = enclosingFunction(Candidate, *Result.Context);
  if (!Function)
    return; // A default argument, a global initializer: nothing to order.
  std::vector<SpawnSite> &Sites = Pending[Function];
  // With SpawnFunctions, a call can match two matchers.
  if (llvm::none_of(Sites, [&](const SpawnSite &S) { return S.Call == Site->Call; }))
    Sites.push_back(std::move(*Site));
}

void SharedAcrossTasksCheck::onEndOfTranslationUnit() {
  if (Ctx)
    runWithLargeStack([&] {
      for (auto &[Function, Sites] : Pending)
        for (SpawnSite &Site : Sites)
          followMovedHandle(Site, Function->getBody(), *Ctx);
      summariseHelpers();
      for (auto &[Function, Sites] : Pending)
        analyseFunction(Function, Sites);
    });
  Pending.clear();
  Calls.clear();
  Orderings.clear();
  Aliases.clear();
  Helpers = HelperSpawns();
  Joins = JoinFinder();
  Joins.setUserJoins(&TypeOptions.joinFunctions());
}

FunctionOrdering *SharedAcrossTasksCheck::orderingOf(const Decl *Function) {
  auto [It, Inserted] = Orderings.try_emplace(Function);
  if (Inserted)
    It->second = FunctionOrdering::build(Function, *Ctx, Joins);
  return It->second.get();
}

SessionAliases &SharedAcrossTasksCheck::aliasesOf(const Decl *Function) {
  std::unique_ptr<SessionAliases> &Entry = Aliases[Function];
  if (!Entry)
    Entry = std::make_unique<SessionAliases>(Function->getBody(), *Types);
  return *Entry;
}

void SharedAcrossTasksCheck::summariseHelpers() {
  if (Calls.empty())
    return;
  // Sites that helper calls add, kept apart so that each round rebuilds
  // them from the grown summaries.
  llvm::MapVector<const Decl *, std::vector<SpawnSite>> HelperSites;
  // Every round either grows a summary or stops; the bound only guards
  // against a summary that grows for ever, which cannot happen.
  for (unsigned Round = 0; Round < 16; ++Round) {
    bool Changed = false;
    auto Summarise = [&](const Decl *Function, const SpawnSite &Site) {
      const auto *Helper = dyn_cast<FunctionDecl>(Function);
      if (!Helper || isa<CXXMethodDecl>(Helper) &&
                         cast<CXXMethodDecl>(Helper)->getParent()->isLambda())
        return;
      if (Site.Joins == JoinKind::Blocking || Site.Joins == JoinKind::Taskwait)
        return;
      FunctionOrdering *Ordering = orderingOf(Function);
      if (!Ordering)
        return;
      bool ReturnsHandle =
          Site.Returned ||
          (Site.Handle && returnsVariable(Ordering->body(), Site.Handle));
      bool Escapes = Site.Joins == JoinKind::Never ||
                     Ordering->findDetach(Site.Handle) || ReturnsHandle;
      if (!Escapes)
        return;
      SessionAliases &Names = aliasesOf(Function);
      for (const ReachedSession &Reached : sessionsReachedBy(Site, *Types)) {
        const auto *Param =
            dyn_cast<ParmVarDecl>(Names.root(Reached.Session.Decl));
        if (Param && Param->getDeclContext() == Helper)
          Changed |= Helpers.add(Helper, Param->getFunctionScopeIndex(), Site,
                                 ReturnsHandle);
      }
    };
    for (auto &[Function, Sites] : Pending)
      for (const SpawnSite &Site : Sites)
        Summarise(Function, Site);
    for (auto &[Function, Sites] : HelperSites)
      for (const SpawnSite &Site : Sites)
        Summarise(Function, Site);
    if (!Changed)
      break;
    HelperSites.clear();
    for (const CallExpr *Call : Calls)
      if (std::optional<SpawnSite> Site = Helpers.siteAt(Call, *Ctx))
        if (const Decl *Function = enclosingFunction(Call, *Ctx))
          HelperSites[Function].push_back(std::move(*Site));
  }
  for (auto &[Function, Sites] : HelperSites)
    for (SpawnSite &Site : Sites)
      Pending[Function].push_back(std::move(Site));
}

bool SharedAcrossTasksCheck::usedBesideEscapedTask(const SpawnSite &Site,
                                                   const ValueDecl *Session) {
  if (const auto *Field = dyn_cast<FieldDecl>(Session))
    return memberUsedOutsideTask(Field, taskBodies(Site));
  return true; // A parameter's or a global's other users are out of view.
}

bool SharedAcrossTasksCheck::escapeGuarded(const SpawnSite &Site,
                                           const ValueDecl *Session,
                                           llvm::ArrayRef<MutexKey> Guards) {
  if (Guards.empty())
    return false;
  // A member's other uses are all in view: check them. A parameter's or a
  // global's are not; the lock the task takes is taken as the protocol.
  if (const auto *Field = dyn_cast<FieldDecl>(Session))
    return memberUsesGuarded(Field, Guards, taskBodies(Site), *Ctx);
  return true;
}

HeldMutexes SharedAcrossTasksCheck::taskGuards(const SpawnSite &Site,
                                               const SessionRef &Session,
                                               const SessionAliases &Names) {
  std::optional<HeldMutexes> Common;
  bool Unguarded = false;
  // A use inside a member function the task calls on `this` also holds
  // what is held around the call.
  std::function<void(const Stmt *, const Stmt *, const HeldMutexes &,
                     unsigned)>
      Walk = [&](const Stmt *S, const Stmt *Entry, const HeldMutexes &Around,
                 unsigned Depth) {
        if (!S || Unguarded)
          return;
        if (Names.names(S, Session.Decl)) {
          HeldMutexes Held = mutexesHeldAt(S, *Ctx);
          Held.append(Around.begin(), Around.end());
          if (Site.CallablesRunOnce)
            Held.push_back(Entry); // Each body runs once: a lock of its own.
          Common = Common ? intersect(*Common, Held) : Held;
          Unguarded = Common->empty();
          return;
        }
        if (Depth < MemberCallDepth)
          if (const FunctionDecl *Callee = thisCallee(S)) {
            HeldMutexes AtCall = mutexesHeldAt(S, *Ctx);
            AtCall.append(Around.begin(), Around.end());
            Walk(Callee->getBody(), Entry, AtCall, Depth + 1);
          }
        for (const Stmt *Child : S->children())
          Walk(Child, Entry, Around, Depth);
        if (const auto *Captured = dyn_cast<CapturedStmt>(S))
          Walk(Captured->getCapturedStmt(), Entry, Around, Depth);
      };
  for (const Stmt *Body : taskEntryBodies(Site))
    Walk(Body, Body, {}, 0);
  return Common && !Unguarded ? *Common : HeldMutexes{};
}

void SharedAcrossTasksCheck::analyseFunction(const Decl *Function,
                                             llvm::ArrayRef<SpawnSite> Sites) {
  FunctionOrdering *Ordering = orderingOf(Function);
  if (!Ordering)
    return;
  SessionAliases &Names = aliasesOf(Function);
  const SourceManager &SM = Ctx->getSourceManager();
  for (const SpawnSite &Site : Sites) {
    const Expr *DetachedLater = Ordering->findDetach(Site.Handle);
    llvm::SmallVector<const ValueDecl *, 2> Reported;
    for (const ReachedSession &Reached : sessionsReachedBy(Site, *Types)) {
      // One finding per session, whichever of its names the task uses.
      const ValueDecl *Root = Names.root(Reached.Session.Decl);
      if (llvm::is_contained(Reported, Root) ||
          provedByThreadSafetyAnalysis(Reached.Session.Decl) ||
          provedByThreadSafetyAnalysis(Root))
        continue;
      HeldMutexes Guards = taskGuards(Site, Reached.Session, Names);
      if (Site.SelfOverlapping) {
        if (Guards.empty()) {
          reportParallel(Site, Reached);
          Reported.push_back(Root);
        }
        continue;
      }
      auto Guarded = [&](const Stmt *Use) {
        if (Guards.empty())
          return false;
        if (Use == Site.Call)
          return true;
        if (const SpawnSite *Other = enclosingOtherSite(Use, Site, Sites, SM))
          return !intersect(taskGuards(*Other, Reached.Session, Names), Guards)
                      .empty();
        return !intersect(mutexesHeldAt(Use, *Ctx), Guards).empty();
      };
      if (std::optional<ConcurrentUse> Use = Ordering->firstConcurrentUse(
              Site, Reached.Session, Names, Guarded)) {
        report(Site, Reached, *Use, Sites);
        Reported.push_back(Root);
      } else if ((Site.Joins == JoinKind::Never || DetachedLater) &&
                 !Site.Returned && !Site.HelperSpawn &&
                 (ownedOutside(Reached.Session.Decl, *Types) ||
                  ownedOutside(Root, *Types)) &&
                 usedBesideEscapedTask(Site, Root) &&
                 !escapeGuarded(Site, Root, Guards)) {
        reportEscape(Site, Reached,
                     DetachedLater ? DetachedLater : Site.DetachedAt);
        Reported.push_back(Root);
      }
    }
  }
}

std::string SharedAcrossTasksCheck::typeName(const ValueDecl *Session) const {
  return spelledTypeOf(Session, *Ctx);
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
    noteHelper(Site);
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
    noteHelper(Site);
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
  noteHelper(Site);
  diag(Use.Where->getBeginLoc(),
       "%0 used here while the task may still be running", DiagnosticIDs::Note)
      << Session;
  diag(Reached.Anchor, FixNote, DiagnosticIDs::Note) << Session;
}

void SharedAcrossTasksCheck::noteHelper(const SpawnSite &Site) {
  if (Site.HelperSpawn)
    diag(Site.HelperSpawn->getBeginLoc(),
         "'%0' starts a task that outlives it here", DiagnosticIDs::Note)
        << Site.Api;
}

void SharedAcrossTasksCheck::reportParallel(const SpawnSite &Site,
                                            const ReachedSession &Reached) {
  const ValueDecl *Session = Reached.Session.Decl;
  diag(Reached.Anchor, "session %0 of type '%1' is shared by tasks that '%2' "
                       "runs in parallel")
      << Session << typeName(Session) << Site.Api;
  diag(Site.Call->getBeginLoc(),
       Site.CallablesRunOnce
           ? "these functions run at the same time, each on its own thread"
           : "this body runs on several threads at the same time",
       DiagnosticIDs::Note);
  diag(Reached.Anchor,
       "give each task its own session (open it inside the task or lease it "
       "from a pool), or hold one mutex around every use of %0",
       DiagnosticIDs::Note)
      << Session;
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
