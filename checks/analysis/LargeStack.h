//===--- LargeStack.h - run the analysis where deep trees fit ---*- C++ -*-===//
//
// Clang's CFG builder recurses once per level of an expression: a chain of
// 100,000 `<<` operands needs well over the 8 MB stack that clang-tidy's and
// clangd's threads have, and clang -fsyntax-only, which never builds that
// CFG, handles the same file. The checks therefore do their work at the end
// of a translation unit on a thread of their own with a large stack, and
// join it at once: the AST is only read, and the thread that owns it waits.
// The stack is address space, reserved, not used, until a file needs it.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_LARGESTACK_H
#define SESSIONLINT_ANALYSIS_LARGESTACK_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace sessionlint {

/// Runs Work to completion on a thread with a 1 GiB stack.
void runWithLargeStack(llvm::function_ref<void()> Work);

} // namespace sessionlint

#endif
