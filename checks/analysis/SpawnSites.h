//===--- SpawnSites.h - calls that start a concurrent task ------*- C++ -*-===//
//
// SPEC section 3. A spawn site is recognised from the call alone plus the
// expression that receives its result: `std::thread t(...)` is joinable
// through `t`, `std::async(...)` discarded as a statement joins at the end of
// its full-expression, `co_spawn(ex, task, detached)` can never be joined.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_SPAWNSITES_H
#define SESSIONLINT_ANALYSIS_SPAWNSITES_H

#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace sessionlint {

enum class JoinKind {
  /// Joined by an explicit call on Handle (`join()`, `get()`, `wait()`) or
  /// by `co_await Handle`.
  Explicit,
  /// Also joined when Handle is destroyed (`std::jthread`, the future of
  /// `std::async`).
  AtScopeEnd,
  /// Never joined by this function: detached, fire-and-forget, or handed to
  /// code we do not see.
  Never,
};

struct SpawnSite {
  /// The call or construction that starts the task.
  const clang::Expr *Call = nullptr;
  /// As printed in diagnostics: "std::thread", "std::async", "co_spawn".
  llvm::StringRef Api;
  /// The function object, coroutine call or awaitable the task runs.
  const clang::Expr *Callable = nullptr;
  /// Arguments handed to Callable by the spawn API (std::thread, std::async).
  llvm::SmallVector<const clang::Expr *, 4> Arguments;
  /// The variable through which the task is joined, if any.
  const clang::VarDecl *Handle = nullptr;
  JoinKind Joins = JoinKind::Explicit;
  /// Where the task is detached (`.detach()` or the `detached` token).
  const clang::Expr *DetachedAt = nullptr;
};

/// Matches every expression that may be a spawn site; bound as "spawn".
clang::ast_matchers::internal::BindableMatcher<clang::Stmt> spawnCall();

/// Interprets a candidate found by spawnCall(). Returns nothing when the
/// call does not start a concurrent task (deferred policy, discarded
/// std::async temporary, a directly awaited co_spawn): SPEC's sequential
/// forms.
std::optional<SpawnSite> recognizeSpawn(const clang::Expr *Candidate,
                                        clang::ASTContext &Ctx);

/// The innermost function, lambda call operator or block whose body holds
/// S; null for statements outside any body (global initializers).
const clang::Decl *enclosingFunction(const clang::Stmt *S,
                                     clang::ASTContext &Ctx);

/// Strips the nodes that only forward a value (casts, temporaries,
/// functional casts, copy and move constructions) from E.
const clang::Expr *stripForwarding(const clang::Expr *E);

/// Whether E is a call of std::move or std::forward.
bool isStdMove(const clang::Expr *E);

/// The variable E names, looking through forwarding nodes and std::move;
/// null when E names none.
const clang::VarDecl *namedVar(const clang::Expr *E);

} // namespace sessionlint

#endif
