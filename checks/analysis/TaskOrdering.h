//===--- TaskOrdering.h - may a use run while the task runs? ----*- C++ -*-===//
//
// Answers SPEC rule 1 (and the loop form of rule 2) on the CFG of the
// spawning function: is there a path from the spawn site to a use of the
// session that passes no join of the task?
//
// Simplifications, stated once here:
//  - path-insensitive: every CFG edge is feasible (a join under
//    `if (x)` does not cover the `!x` path, even when x is always true);
//  - a join is what Joins.h lists, `co_await handle`, the handle's
//    destructor when it joins (std::jthread, a std::async future), and
//    `#pragma omp taskwait` for an OpenMP task;
//  - exceptions only follow the edges clang's CFG models (try/catch).
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_TASKORDERING_H
#define SESSIONLINT_ANALYSIS_TASKORDERING_H

#include "Joins.h"
#include "SpawnSites.h"

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace sessionlint {

/// The CFG of one function with at least one spawn site, built once and
/// queried for each spawn and session.
class FunctionOrdering {
public:
  /// Returns null when the body cannot be analysed (errors, no CFG).
  static std::unique_ptr<FunctionOrdering> build(const clang::Decl *Function,
                                                 clang::ASTContext &Ctx,
                                                 JoinFinder &Joins);

  /// Visits, along every path from Site's spawn until a join of its task,
  /// each statement in the order it runs; Visit returns true when the path
  /// ends there (a use was found on it). The spawn's own arguments and
  /// captures are not visited; the spawn met again (a loop) is. Nothing is
  /// visited for a construct the caller waits for (Blocking).
  /// With Site.StartGate, what comes before the gate opens on a path is
  /// not visited, except Site's spawn itself and the statements of
  /// AlwaysVisit (the other spawns: their tasks still run when it opens).
  void forEachAfter(const SpawnSite &Site,
                    llvm::function_ref<bool(const clang::Stmt *)> Visit,
                    llvm::ArrayRef<const clang::Stmt *> AlwaysVisit = {}) const;

  const clang::Stmt *body() const { return Body; }

  /// `Handle.detach()` anywhere in the function, or null.
  const clang::Expr *findDetach(const clang::VarDecl *Handle) const;

private:
  struct Position {
    const clang::CFGBlock *Block = nullptr;
    unsigned Index = 0;
  };

  FunctionOrdering(std::unique_ptr<clang::CFG> Graph, const clang::Stmt *Body,
                   clang::ASTContext &Ctx, JoinFinder &Joins);
  std::optional<Position> positionOf(const clang::Stmt *S) const;
  bool isJoin(const clang::CFGElement &E, const SpawnSite &Site) const;
  void recordDetach(const clang::Stmt *S, const clang::SourceManager &SM);

  std::unique_ptr<clang::CFG> Graph;
  clang::ASTContext &Ctx;
  JoinFinder &Joins;
  const clang::Stmt *Body;
  llvm::DenseMap<const clang::Stmt *, Position> Positions;
  /// Range-for statements (their __range declaration) whose body joins the
  /// loop variable, keyed by the container variable; and the conditions of
  /// `while (!done) cv.wait(lk);` loops, keyed by the condition variable.
  llvm::DenseMap<const clang::VarDecl *,
                 llvm::SmallVector<const clang::Stmt *, 1>>
      JoiningLoops;
  /// The first `Handle.detach()` of each handle variable.
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> Detaches;
};

} // namespace sessionlint

#endif
