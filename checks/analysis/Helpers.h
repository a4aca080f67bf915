//===--- Helpers.h - functions that start a task for their caller -*- C++ -*-===//
//
// `void start_progress(Conn &c) { std::thread([&c] {...}).detach(); }` makes
// every call `start_progress(db)` a spawn site for db: the task outlives the
// helper and the caller goes on using db. The same holds for a helper that
// returns the task's handle (`std::thread start(Conn &c)`), whose caller
// joins it through the returned value.
//
// Summaries are per translation unit: a helper is seen only where its body
// is. Chains of helpers are followed to a fixed point by the check; a
// summary only grows, so recursion ends.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_HELPERS_H
#define SESSIONLINT_ANALYSIS_HELPERS_H

#include "SpawnSites.h"

#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace sessionlint {

class HelperSpawns {
public:
  /// Records that Helper starts Inner, a task that outlives Helper and
  /// reaches its parameter Index. Returns whether this is new.
  bool add(const clang::FunctionDecl *Helper, unsigned Index,
           const SpawnSite &Inner, bool ReturnsHandle);

  /// The spawn site that Call is, when it calls a summarised helper.
  std::optional<SpawnSite> siteAt(const clang::CallExpr *Call,
                                  clang::ASTContext &Ctx) const;

  bool empty() const { return Summaries.empty(); }

private:
  struct Summary {
    llvm::SmallVector<unsigned, 2> Params;
    /// The task inside the helper, for the note that shows it.
    const clang::Stmt *Spawn = nullptr;
    bool ReturnsHandle = false;
    JoinKind ReturnedJoins = JoinKind::Explicit;
  };
  llvm::DenseMap<const clang::FunctionDecl *, Summary> Summaries;
};

/// Whether Body returns the variable Handle (`return t;`).
bool returnsVariable(const clang::Stmt *Body, const clang::VarDecl *Handle);

} // namespace sessionlint

#endif
