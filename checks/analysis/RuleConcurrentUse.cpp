//===--- RuleConcurrentUse.cpp - SPEC rules 1 and 2 -------------------------===//
//
// Rule 1: on some path from the spawn the spawning function uses the
// session before the task is joined. Rule 2: on such a path another task
// reaches it (a second spawn, a helper that starts one, a task the function
// starts and joins inside a helper), or the same spawn runs again (a loop)
// and the task conflicts with itself. The walk is FunctionOrdering's, on
// the CFG; a use is an access of the function's summary at the statement
// (so a call of a helper that uses the session is a use), and it counts
// only when it conflicts with one of the task's (Conflicts.h). The earliest
// such statement in source order is reported.
//
//===----------------------------------------------------------------------===//
#include "Conflicts.h"
#include "Engine.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace sessionlint {

std::optional<Finding>
Engine::concurrentUse(const Decl *Function, const SpawnSite &Site,
                      const Place &Session, llvm::ArrayRef<TaskAccess> Reach,
                      llvm::ArrayRef<const SpawnSite *> FunctionSites) {
  FunctionOrdering *Ordering = orderingOf(Function);
  if (!Ordering)
    return std::nullopt;
  const Summary &Own = Table->of(Function);
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<Finding> Best;
  auto Consider = [&](Finding F) {
    if (!Best || SM.isBeforeInTranslationUnit(F.Use->getBeginLoc(),
                                              Best->Use->getBeginLoc()))
      Best = std::move(F);
  };
  auto Make = [&](Finding::Kind Kind, const Stmt *Use) {
    Finding F;
    F.What = Kind;
    F.Site = &Site;
    F.Reached = Reach.front();
    F.Use = Use;
    F.UseLoc = Use->getBeginLoc();
    return F;
  };
  // A session each iteration obtains afresh (a handle opened in the loop
  // body, `std::ref(c)` of the range-for element): what the next iteration
  // does before it reaches the spawn again is done to its own.
  const Stmt *Loop = nullptr;
  if (const Stmt *Around = innermostLoopAround(Site.Call, Ctx);
      Around && placePerIteration(Session, Reach, Site.Call, Ctx))
    Loop = Around;
  auto NextIteration = [&](const Stmt *S) {
    return Loop && Loop->getSourceRange().fullyContains(S->getSourceRange()) &&
           SM.isBeforeInTranslationUnit(S->getBeginLoc(), Site.Call->getBeginLoc());
  };
  llvm::SmallVector<const Stmt *, 4> Spawns;
  for (const SpawnSite *Other : FunctionSites)
    Spawns.push_back(Other->Call);
  Ordering->forEachAfter(Site, [&](const Stmt *S) {
    if (S == Site.Call) {
      // The task started again before this one was joined.
      if (conflictAcrossIterations(Reach, Site.Call, Ctx)) {
        Consider(Make(Finding::SpawnInLoop, S));
        return true;
      }
      return false;
    }
    for (const SpawnSite *Other : FunctionSites) {
      if (Other == &Site || Other->Call != S)
        continue;
      std::vector<TaskAccess> Theirs;
      // An enclosing region's reach holds this very task's uses (an `omp
      // task` inside `omp parallel`): those are not another task.
      for (const TaskAccess &A : reachOf(Function, *Other))
        if (A.Use.Target == Session && A.Use.ByTask != Site.Call)
          Theirs.push_back(A);
      if (!anyConflict(Reach, Theirs))
        return false;
      Finding F = Make(Finding::OverlappingTasks, S);
      F.OtherApi = Other->Api;
      F.UseLoc = Theirs.front().Anchor;
      Consider(std::move(F));
      return true;
    }
    auto It = Own.ByStmt.find(S);
    if (It == Own.ByStmt.end() || NextIteration(S))
      return false;
    for (unsigned Index : It->second) {
      const Access &Use = Own.Accesses[Index];
      if (Use.Target != Session)
        continue;
      bool Conflicting = llvm::any_of(Reach, [&](const TaskAccess &A) {
        return conflict(A.Use, Use);
      });
      if (!Conflicting)
        continue;
      Finding F = Make(Use.ByTask ? Finding::OverlappingTasks : Finding::UseAfterSpawn, S);
      if (Use.ByTask) {
        const auto *Call = dyn_cast<CallExpr>(S);
        const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
        F.OtherApi = Callee ? Callee->getNameAsString() : "a helper";
      }
      Consider(std::move(F));
      return true;
    }
    return false;
  }, Spawns);
  return Best;
}

} // namespace sessionlint
