//===--- TaskReach.h - which sessions a spawned task can touch --*- C++ -*-===//
//
// SPEC section 3, "the task reaches a session": by-reference captures,
// copies of pointers/handles/shared_ptrs, `this` plus a member session,
// std::ref / &x arguments, and reference parameters of a spawned coroutine.
// A session moved into the task, or created inside it, is not reached.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_TASKREACH_H
#define SESSIONLINT_ANALYSIS_TASKREACH_H

#include "SessionTypes.h"
#include "SpawnSites.h"

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"

namespace sessionlint {

/// A session as the spawning function names it: a variable, or a data
/// member reached through `this`.
struct SessionRef {
  const clang::ValueDecl *Decl = nullptr;
  bool ThroughThis = false;

  bool operator==(const SessionRef &O) const {
    return Decl == O.Decl && ThroughThis == O.ThroughThis;
  }
};

struct ReachedSession {
  SessionRef Session;
  /// Where the task obtains the session: the capture or the argument.
  clang::SourceLocation Anchor;
};

/// The unsafe sessions that Site's task reaches, one entry per session, in
/// source order of their anchors.
llvm::SmallVector<ReachedSession, 2>
sessionsReachedBy(const SpawnSite &Site, SessionTypeClassifier &Types,
                  Verdict Wanted = Verdict::Unsafe);

/// The lambda a callable is, directly or through a local variable
/// initialised with it; null otherwise.
const clang::LambdaExpr *lambdaOf(const clang::Expr *Callable);

/// How deep a task's calls of its own class's member functions are
/// followed (`[this] { process(); }` with `process()` using `db_`).
constexpr unsigned MemberCallDepth = 3;

/// The definition of the member function S calls on `this`, if S is such a
/// call and the definition is in this translation unit.
const clang::FunctionDecl *thisCallee(const clang::Stmt *S);

/// The bodies the task starts in: lambda bodies, the member function of a
/// `std::thread(&C::run, this)` callable, OpenMP regions (not the body of a
/// spawned coroutine or helper).
llvm::SmallVector<const clang::Stmt *, 2> taskEntryBodies(const SpawnSite &Site);

/// The entry bodies plus the bodies of the member functions they call on
/// `this`, up to MemberCallDepth.
llvm::SmallVector<const clang::Stmt *, 2> taskBodies(const SpawnSite &Site);

/// The session variable or member that E names, looking through casts,
/// `*p`, and `this->`; null when E names none.
std::optional<SessionRef> namedSession(const clang::Expr *E);

} // namespace sessionlint

#endif
