//===--- Walk.h - visit a statement tree without recursion ------*- C++ -*-===//
//
// A chain of 100,000 `<<` operands is a tree 100,000 levels deep; a walk
// that recurses once per level overflows the stack of clangd's and
// clang-tidy's threads. Every walk over a body in the engine goes through
// here: an explicit stack, pre-order, children in source order.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_WALK_H
#define SESSIONLINT_ANALYSIS_WALK_H

#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

namespace sessionlint {

enum class Step {
  /// Visit the node's children next.
  Descend,
  /// Do not look inside this node.
  Skip,
  /// End the whole walk.
  Stop,
};

/// Calls Visit(const Stmt *) on Root and its descendants in pre-order,
/// children in source order; null children are skipped. Returns false when
/// Visit stopped the walk.
template <typename VisitFn>
bool walk(const clang::Stmt *Root, VisitFn &&Visit) {
  llvm::SmallVector<const clang::Stmt *, 64> Stack;
  if (Root)
    Stack.push_back(Root);
  llvm::SmallVector<const clang::Stmt *, 8> Children;
  while (!Stack.empty()) {
    const clang::Stmt *S = Stack.pop_back_val();
    switch (Visit(S)) {
    case Step::Stop:
      return false;
    case Step::Skip:
      continue;
    case Step::Descend:
      break;
    }
    Children.clear();
    for (const clang::Stmt *Child : S->children())
      if (Child)
        Children.push_back(Child);
    Stack.append(Children.rbegin(), Children.rend());
  }
  return true;
}

} // namespace sessionlint

#endif
