//===--- Locks.h - which mutexes are held at a statement --------*- C++ -*-===//
//
// SPEC section 4, silence list: a use of a session made while a lock of the
// same mutex is held cannot overlap another such use. This file answers
// "which mutexes are held here?" for one statement.
//
// Simplifications, stated once here:
//  - lexical, not path-sensitive: a lock counts when an earlier statement of
//    an enclosing block takes it (`std::lock_guard g(m);`, `m.lock();`) and
//    no later statement of those blocks releases it before the use; a lock
//    taken or released inside a nested `if` does not count;
//  - shared (reader) locks never exclude each other and do not count;
//  - a lambda or an OpenMP region starts with no lock held: it runs later or
//    on another thread than the code around it;
//  - a function annotated `REQUIRES(m)` holds m throughout; OpenMP
//    `critical` holds a lock named after the section, and `single` /
//    `master` / `masked` run on one thread only, which works like a lock.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_LOCKS_H
#define SESSIONLINT_ANALYSIS_LOCKS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

namespace sessionlint {

/// Identifies a mutex: the declaration of the variable or member, or a
/// unique address for an OpenMP critical section name.
using MutexKey = const void *;
using HeldMutexes = llvm::SmallVector<MutexKey, 2>;

/// The variable or member a mutex expression names (`m`, `this->m_`,
/// `obj.m`, `*pm`, `&m`), as a key; null when it names none.
MutexKey mutexKey(const clang::Expr *E);

/// The mutexes held while Use runs.
HeldMutexes mutexesHeldAt(const clang::Stmt *Use, clang::ASTContext &Ctx);

/// The mutexes in both lists.
HeldMutexes intersect(llvm::ArrayRef<MutexKey> A, llvm::ArrayRef<MutexKey> B);

} // namespace sessionlint

#endif
