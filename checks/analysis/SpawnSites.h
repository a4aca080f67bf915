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

#include "Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

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
  /// The caller waits for the whole construct (a parallel algorithm, an
  /// OpenMP parallel region): never concurrent with the caller, only with
  /// itself.
  Blocking,
  /// Joined by `#pragma omp taskwait` (an OpenMP task).
  Taskwait,
};

struct SpawnSite {
  /// The call, construction or OpenMP directive that starts the task.
  const clang::Stmt *Call = nullptr;
  /// As printed in diagnostics: "std::thread", "std::async", "co_spawn", or
  /// the name of a helper function that starts a task.
  std::string Api;
  /// The function objects, coroutine calls or awaitables the task runs
  /// (several for `tbb::parallel_invoke`).
  llvm::SmallVector<const clang::Expr *, 1> Callables;
  /// The captured statement an OpenMP region runs, with the variables its
  /// clauses make private to each thread.
  const clang::CapturedStmt *Region = nullptr;
  llvm::SmallVector<const clang::ValueDecl *, 2> RegionPrivate;
  /// Arguments handed to the callable by the spawn API (std::thread,
  /// std::async): shared only through std::ref, `&x` or a copied handle.
  llvm::SmallVector<const clang::Expr *, 4> Arguments;
  /// Arguments a helper function hands to the task it starts: bound to a
  /// reference or pointer parameter, so the task always shares them.
  llvm::SmallVector<const clang::Expr *, 2> SharedArguments;
  /// The task's body runs several times at once (parallel algorithms,
  /// OpenMP parallel regions, tbb::parallel_for), or, with several
  /// Callables, each runs concurrently with the others.
  bool SelfOverlapping = false;
  /// Each of several Callables runs once (`tbb::parallel_invoke`): they
  /// overlap one another, not themselves.
  bool CallablesRunOnce = false;
  /// Callables from this index on run one call at a time (the reduce
  /// function of QtConcurrent::mappedReduced), beside the others.
  unsigned SerialFrom = ~0u;
  /// A thread class's entry point and the object it runs on
  /// (`worker.start()` runs Worker::run on worker; `thread.start(runnable)`
  /// runs the runnable's run()): the task is that member function, on that
  /// very object.
  const clang::CXXMethodDecl *Entry = nullptr;
  const clang::Expr *EntryObject = nullptr;
  /// For a helper call: the spawn inside the helper, for the note.
  const clang::Stmt *HelperSpawn = nullptr;
  /// The helper runs a callable written here (`launch([&db] {...})`): its
  /// escape is judged here, not in the helper.
  bool HelperRunsCallerCode = false;
  /// The helper hands the task to a worker thread of a pool or queue
  /// (Submissions.h) instead of starting one.
  bool HelperQueues = false;
  /// The variable through which the task is joined, if any.
  const clang::VarDecl *Handle = nullptr;
  /// A handler posted to an execution context this function was handed
  /// (`post(pool, f)` with `pool` a parameter): not joined here, but the
  /// caller's argument is the context that runs it (Engine::addSite).
  const clang::ParmVarDecl *ContextParam = nullptr;
  /// For a helper call: the task is a handler the helper posts to the
  /// context passed here, which Handle names; it is joined as a post to
  /// that context would be (`pool.join()`, a local pool's scope end, a
  /// local io_context only this function runs).
  bool PostsToContext = false;
  /// A future the task makes ready as the last thing it does
  /// (`done.set_value()` at the end of its body, the future taken with
  /// `done.get_future()`), or a condition variable of this function it
  /// notifies last (`cv.notify_one()` after setting the flag the waiter
  /// checks): waiting for it joins the task too.
  const clang::VarDecl *DoneFuture = nullptr;
  /// The task waits first of all for this latch, semaphore, condition
  /// variable or promise (`ready.wait()` before anything else), so it
  /// starts, as far as its sessions go, when this function releases it
  /// (`ready.count_down()`, `release()`, `notify_all()`, `set_value()`).
  const clang::VarDecl *StartGate = nullptr;
  /// When the handle is a data member of that variable (`job.worker =
  /// std::thread(...)`, `c.activity.start()`): the member.
  const clang::FieldDecl *HandleField = nullptr;
  JoinKind Joins = JoinKind::Explicit;
  /// Where the task is detached (`.detach()` or the `detached` token).
  const clang::Expr *DetachedAt = nullptr;
  /// The task's handle is returned to the caller, who joins it the way
  /// ReturnedJoins says.
  bool Returned = false;
  JoinKind ReturnedJoins = JoinKind::Explicit;
};

/// Like isExpansionInSystemHeader(), in constant time: an expression's own
/// location (its operator, its member, its callee) instead of its first
/// token, which a left-deep chain of 100,000 `<<` operands walks 100,000
/// nodes to find, for each of its nodes.
AST_MATCHER(clang::Stmt, isInSystemCode) {
  const clang::SourceManager &SM = Finder->getASTContext().getSourceManager();
  clang::SourceLocation L = llvm::isa<clang::Expr>(Node)
                                ? llvm::cast<clang::Expr>(Node).getExprLoc()
                                : Node.getBeginLoc();
  return L.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(L));
}

/// Whether S may be a spawn site, by node kind and unqualified name only.
bool isSpawnCandidate(const clang::Stmt &S);

AST_MATCHER(clang::Stmt, isSpawnCandidateStmt) { return isSpawnCandidate(Node); }

/// Adds matchers for every statement that may be a spawn site, bound as
/// "spawn": one per node kind (constructions, calls, OpenMP directives), so
/// that the match finder tries them only on nodes of that kind.
void addSpawnCandidateMatchers(clang::ast_matchers::MatchFinder &Finder,
                               clang::ast_matchers::MatchFinder::MatchCallback *Callback);

/// What the user declared through options: their own spawn functions
/// (SpawnFunctions) and thread classes (ThreadClasses: a member function
/// that runs a virtual member function of its object on a new thread).
struct UserApis {
  NameList SpawnFunctions;
  /// `ofThread::startThread` -> `threadedFunction`.
  llvm::SmallVector<std::pair<std::string, std::string>, 2> ThreadStarts;
  bool empty() const { return SpawnFunctions.empty() && ThreadStarts.empty(); }
};

/// The entry point a call of Start runs on a new thread, by the user's
/// word: `SESSIONLINT_STARTS_THREAD("threadedFunction")` on its declaration,
/// or a ThreadClasses entry naming it.
std::optional<std::string> userThreadEntry(const clang::CXXMethodDecl *Start,
                                           const UserApis *User);

/// Interprets a candidate found by spawnCall(). Returns nothing when the
/// call does not start a concurrent task (deferred policy, discarded
/// std::async temporary, a directly awaited co_spawn): SPEC's sequential
/// forms.
std::optional<SpawnSite> recognizeSpawn(const clang::Stmt *Candidate,
                                        clang::ASTContext &Ctx,
                                        const UserApis *User = nullptr);

/// The Asio execution context variable a post's target names (`io`,
/// `pool.get_executor()`), or null.
const clang::VarDecl *executionContextOf(const clang::Expr *Target);

/// Whether V is an execution context this function owns (a local, not a
/// reference): nothing posted to it runs after its scope ends, since its
/// destructor stops and joins a pool's threads and drops an io_context's
/// handlers.
bool ownsContext(const clang::VarDecl *V);

/// The argument index `SESSIONLINT_SPAWNS(n)` names on F, if F carries it.
std::optional<unsigned> spawnsAnnotation(const clang::FunctionDecl *F,
                                         const clang::ASTContext &Ctx);

enum class Destination { Variable, Detached, Discarded, Awaited, Returned,
                         Elsewhere };

/// Follows the value of a call up the AST to where it ends up: a variable
/// (Handle), `.detach()` (DetachedAt), a discarded statement, `co_await`, a
/// return statement, or somewhere this function cannot follow.
Destination findDestination(const clang::Expr *Call, clang::ASTContext &Ctx,
                            const clang::VarDecl *&Handle,
                            const clang::Expr *&DetachedAt,
                            const clang::FieldDecl **HandleField = nullptr);

/// The variable and data member E names as `v.member` or `p->member` (v a
/// variable, not `this`); false for anything else.
bool memberOfVariable(const clang::Expr *E, const clang::VarDecl *&Var,
                      const clang::FieldDecl *&Field);

/// The variable E names (`t`); with Field, also the variable whose data
/// member E names (`job.worker`: job, and Field is set to worker).
const clang::VarDecl *handleVar(const clang::Expr *E, const clang::FieldDecl **Field);

/// Whether E designates the handle Handle (or its member Field).
bool designatesHandle(const clang::Expr *E, const clang::VarDecl *Handle,
                      const clang::FieldDecl *Field);

/// Answers of enclosingFunction() for every node on the paths it climbed,
/// so that asking for each of the 100,000 calls of one chain costs one climb.
using EnclosingCache = llvm::DenseMap<const void *, const clang::Decl *>;

/// The innermost function, lambda call operator or block whose body holds
/// S; null for statements outside any body (global initializers).
const clang::Decl *enclosingFunction(const clang::Stmt *S,
                                     clang::ASTContext &Ctx,
                                     EnclosingCache *Cache = nullptr);

/// `pending.push_back(std::move(f))`, `auto t2 = std::move(t)`: the task is
/// now joined through the variable the handle was moved into (the
/// container joins through its elements). A handle moved into a member
/// container is never joined by this function. Follows short chains.
void followMovedHandle(SpawnSite &Site, const clang::Stmt *Body,
                       clang::ASTContext &Ctx);

/// Whether T is a type-erased callable (std::function, std::packaged_task,
/// boost::function, ...): what it runs is what it was built from.
bool isCallableWrapper(clang::QualType T);

/// The lambda a callable is, directly, through a local variable initialised
/// with it, or wrapped in a std::function built from it (a few hops of
/// these); null otherwise.
const clang::LambdaExpr *lambdaOf(const clang::Expr *Callable);

/// The parameter of Function that Callable is, looking through std::move,
/// std::forward and a std::function built from it; null otherwise.
const clang::ParmVarDecl *callableParameter(const clang::Expr *Callable,
                                            const clang::Decl *Function);

/// The index of Function's parameter that E names (through std::move and
/// forwarding nodes), or -1.
int parameterIndex(const clang::Expr *E, const clang::Decl *Function);

/// Whether V is declared inside a loop (its body, its condition, a
/// range-for's element) whose source range holds S: another object in
/// each iteration that reaches S.
bool declaredInLoopAround(const clang::VarDecl *V, const clang::Stmt *S,
                          clang::ASTContext &Ctx);

/// The innermost loop of S's function whose body or header holds S.
const clang::Stmt *innermostLoopAround(const clang::Stmt *S, clang::ASTContext &Ctx);

/// Whether Body returns the variable Handle (`return t;`).
bool returnsVariable(const clang::Stmt *Body, const clang::VarDecl *Handle);

/// Whether S's operands are never evaluated: sizeof / alignof, noexcept, a
/// requires-expression, typeid of a non-polymorphic operand.
bool hasUnevaluatedOperands(const clang::Stmt &S);

/// The record type that E's value has (looking through references).
const clang::CXXRecordDecl *recordOf(const clang::Expr *E);

/// QtConcurrent's map and filter family (`map`, `mappedReduced`,
/// `blockingFilter`, ...), by function name.
bool isQtConcurrentMapName(llvm::StringRef Name);

/// Whether E's type is a function object: a lambda or a class with a call
/// operator (a range or an iterator has none).
bool isFunctionObject(const clang::Expr *E);

/// The arguments the caller wrote: Asio's initiating functions end in
/// defaulted SFINAE parameters (`enable_if<...>::type* = 0`), which are not
/// the completion token.
unsigned writtenArgCount(const clang::CallExpr *Call);

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
