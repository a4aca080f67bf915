//===--- Conflicts.h - when two uses of one session may overlap -*- C++ -*-===//
//
// Two uses of a session conflict when they name the same place (Places.h)
// and nothing keeps them apart. Each of SPEC section 4's silences that is
// about the two uses themselves lives here:
//
//  - the same mutex (or strand, or OpenMP critical section) is held at
//    both: they cannot overlap;
//  - on a full-duplex stream (an Asio socket or ssl::stream, a Beast
//    stream), one read and one write may be in flight together; on a Beast
//    websocket, also one ping/pong and one close; never two of a kind.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_CONFLICTS_H
#define SESSIONLINT_ANALYSIS_CONFLICTS_H

#include "Summaries.h"

namespace sessionlint {

/// Whether A and B, uses of the same session, may run at the same time
/// without either waiting for the other.
bool conflict(const Access &A, const Access &B);

/// Whether one of A conflicts with one of B.
bool anyConflict(llvm::ArrayRef<TaskAccess> A, llvm::ArrayRef<TaskAccess> B);

/// Whether one use conflicts with itself or another when the task runs
/// more than once at a time (a parallel body, a task started in a loop).
bool conflictWithin(llvm::ArrayRef<TaskAccess> Uses);

/// Whether the tasks Spawn starts in successive iterations of a loop reach
/// different objects at P, judged from Uses (the reach): a variable
/// declared in the loop, or a container element each reaches through an
/// index, or a range-for element, of its own iteration, and none through a
/// shared one.
bool placePerIteration(const Place &P, llvm::ArrayRef<TaskAccess> Uses,
                       const clang::Stmt *Spawn, clang::ASTContext &Ctx);

/// conflictWithin for the tasks one spawn starts in successive iterations
/// of a loop. Uses of a place each task obtains afresh in its iteration
/// name different objects: a variable declared in the loop (a handle
/// opened in the body), or a container element reached through the
/// range-for element or an index of the iteration's own (`conns[i]` with
/// `i` copied into the task), and through no shared one (`conns[0]`,
/// `front()`).
bool conflictAcrossIterations(llvm::ArrayRef<TaskAccess> Uses, const clang::Stmt *Spawn,
                              clang::ASTContext &Ctx);

} // namespace sessionlint

#endif
