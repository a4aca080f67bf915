//===--- Locksets.h - which locks are held at a statement -------*- C++ -*-===//
//
// SPEC section 4, silence list: uses of a session made while a lock of the
// same mutex is held cannot overlap. A lockset is the set of places (Places.h)
// of the mutexes held at a statement: `inv.mu` and `this->mu_` are places
// like any other, so a summary moves a callee's lockset into its caller's
// frame exactly as it moves the sessions it uses, and "the helper locks
// inv.mu before touching inv.db" is seen from the task that calls it.
//
// What holds a lock, read in statement order within each block (lexically:
// a lock taken or released inside a nested `if` or loop body does not
// count for the statements after it):
//  - a lock object declared earlier in an enclosing block: std::lock_guard,
//    std::unique_lock, std::scoped_lock, their Boost twins, QMutexLocker,
//    Poco's and Abseil's scoped locks, TBB's scoped_lock, any
//    SCOPED_CAPABILITY class, and a class of the program's own whose
//    constructor locks and whose destructor unlocks; not with
//    std::defer_lock / std::try_to_lock until `lk.lock()` or
//    `std::lock(a, b)`; released by `lk.unlock()`;
//  - `m.lock()` (`Lock()`, `lockForWrite()`), `pthread_mutex_lock(&m)`,
//    `EnterCriticalSection(&cs)` and their kin earlier in an enclosing
//    block, until the matching unlock;
//  - a function annotated REQUIRES(m), throughout;
//  - OpenMP `critical` (by name), `single` / `master` / `masked` (one thread
//    of the team), `section` (each its own);
//  - an Asio strand: handlers posted, dispatched or bound to one strand
//    never run at once, so the strand is held while they run (Tasks.cpp).
// Shared (reader) locks never exclude each other and do not count.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_LOCKSETS_H
#define SESSIONLINT_ANALYSIS_LOCKSETS_H

#include "Places.h"

#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class OMPExecutableDirective;
}

namespace sessionlint {

using Lockset = llvm::SmallVector<Place, 2>;

/// The locks in both sets.
Lockset intersect(llvm::ArrayRef<Place> A, llvm::ArrayRef<Place> B);
/// Adds the locks of B missing from A.
void unite(Lockset &A, llvm::ArrayRef<Place> B);
bool disjoint(llvm::ArrayRef<Place> A, llvm::ArrayRef<Place> B);

/// A lock held by a lock object variable, or by a manual `m.lock()`.
struct HeldLock {
  Place Mutex;
  /// The lock object, or null for `m.lock()`.
  const clang::VarDecl *Owner = nullptr;
};

/// Applies what S, a statement of a block, does to the locks held for the
/// statements after it in that block.
void applyLockStatement(const clang::Stmt *S, const Frame &F,
                        llvm::SmallVectorImpl<HeldLock> &Held);

/// The locks a function holds throughout its body (REQUIRES(m)).
Lockset locksRequiredBy(const clang::Decl *Function, const Frame &F);

/// The lock an OpenMP directive holds for its body, if any: a critical
/// section's name, "one thread" for single/master/masked, the section
/// itself for `section`.
std::optional<Place> lockOfDirective(const clang::OMPExecutableDirective *D);

/// Whether Held says only one thread of an OpenMP team runs here (inside
/// `single`, `master`, `masked`).
bool runsOnOneThread(llvm::ArrayRef<Place> Held);

/// Whether T is an Asio strand (`strand<Executor>`, `io_context::strand`).
bool isStrand(clang::QualType T);

} // namespace sessionlint

#endif
