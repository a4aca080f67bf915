//===--- TaskBodies.h - the code a task runs, as statements ------*- C++ -*-===//
//
// Some questions about a task are about its text, not its summary: which
// connection names it looks up (NamedConnections.h), whether it takes
// callables out of a queue and runs them (Submissions.h). TaskBodies
// collects the bodies a spawn runs (a lambda, a named function, a member
// function pointer, a function object's call operator, a coroutine call, a
// thread class's entry point) and the bodies of the functions of this
// translation unit they call, MaxDepth levels down; a constructor's member
// initialisers count as its body.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_TASKBODIES_H
#define SESSIONLINT_ANALYSIS_TASKBODIES_H

#include "SpawnSites.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <vector>

namespace sessionlint {

class TaskBodies {
public:
  explicit TaskBodies(clang::ASTContext &Ctx) : SM(Ctx.getSourceManager()) {}

  /// Every callable of Site and its thread class entry point.
  void addSite(const SpawnSite &Site);
  void addCallable(const clang::Expr *Callable);
  void addFunction(const clang::FunctionDecl *F, unsigned Depth);

  std::vector<const clang::Stmt *> Bodies;

private:
  static constexpr unsigned MaxDepth = 3;
  const clang::SourceManager &SM;
  llvm::SmallPtrSet<const clang::FunctionDecl *, 8> Seen;
};

} // namespace sessionlint

#endif
