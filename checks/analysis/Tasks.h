//===--- Tasks.h - what a spawned task reaches ------------------*- C++ -*-===//
//
// SPEC section 3, "the task reaches a session", computed from what the task
// runs, not from the syntax of the spawn: the task's uses are the summary
// (Summaries.h) of its callable, moved into the spawning function's frame
// through how the callable gets its objects:
//
//  - a lambda: by-reference captures (explicit, or `[&]` and used) share;
//    by-copy captures share what the copy points to (a pointer, a handle, a
//    shared_ptr, a struct's pointer members); init-captures share what they
//    are initialised from unless it is std::move'd; `this` shares the
//    members; globals and statics are shared as they are;
//  - a named function, a function pointer (`std::thread t(worker)`,
//    `pthread_create(&t, 0, worker, &args)`), a member function pointer with
//    its object (`std::thread(&C::run, this)`), a function object's
//    operator(), a coroutine call (`co_spawn(ex, progress(db), detached)`):
//    the callee's summary with its parameters bound to the arguments the
//    spawn API hands it (std::thread and std::async copy them: only
//    std::ref, pointers and handles share);
//  - a thread class (`worker.start()` on a QThread subclass, a Poco
//    runnable handed to Poco::Thread::start): its run() on that object;
//  - an OpenMP region: every variable of the enclosing function it names,
//    unless a private / lastprivate / reduction clause (or firstprivate of a
//    non-pointer) gives each thread its own copy.
//
// A handler posted, dispatched or deferred to an Asio strand (or bound to
// one with bind_executor) runs holding the strand, as a lock.
//
// Each use keeps its anchor: the capture or argument through which the
// task obtains the session, or the use itself in the body for `this`
// members and globals.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_TASKS_H
#define SESSIONLINT_ANALYSIS_TASKS_H

#include "Summaries.h"

namespace sessionlint {

class TaskModel {
public:
  explicit TaskModel(SummaryTable &T) : T(T) {}

  /// The uses Site's task makes, in the frame Spawner of the function that
  /// starts it (computed once per site).
  const std::vector<TaskAccess> &reachOf(const SpawnSite &Site,
                                         const Frame &Spawner);

  /// The uses the lambda L makes, moved into Outer (the frame it is
  /// written in); Extra is held throughout; Arguments are what its
  /// parameters receive (a thread's arguments), if known.
  std::vector<TaskAccess> lambdaAccesses(const clang::LambdaExpr *L,
                                         const Frame &Outer, const Lockset &Extra,
                                         llvm::ArrayRef<const clang::Expr *> Arguments);

  /// The uses a task running Callable with Arguments makes, in Spawner's
  /// frame, with Extra held throughout (a null argument is unknown).
  void addCallable(const clang::Expr *Callable,
                   llvm::ArrayRef<const clang::Expr *> Arguments,
                   const Frame &Spawner, const Lockset &Extra,
                   std::vector<TaskAccess> &Out);

  /// The parameters of Spawner's function that Site's task runs (a helper's
  /// `std::thread(std::move(f), args...)`), with those handed to them.
  llvm::SmallVector<ParamRun, 1> paramRuns(const SpawnSite &Site, const Frame &Spawner);

private:
  void addFunction(const clang::FunctionDecl *Def, const clang::Expr *Anchor,
                   std::optional<std::pair<Place, Passing>> Self,
                   const clang::Expr *SelfAnchor,
                   llvm::ArrayRef<const clang::Expr *> Arguments, bool CopiesArguments,
                   const Frame &Spawner, const Lockset &Extra,
                   std::vector<TaskAccess> &Out);
  void addEntry(const SpawnSite &Site, const Frame &Spawner, const Lockset &Extra,
                std::vector<TaskAccess> &Out);
  void addRegion(const SpawnSite &Site, const Frame &Spawner,
                 std::vector<TaskAccess> &Out);

  SummaryTable &T;
};

/// Where a diagnostic points for a use at S: a name's location, a member
/// call's member, a call's callee.
clang::SourceLocation anchorOf(const clang::Stmt *S);

} // namespace sessionlint

#endif
