//===--- Summaries.h - what a function does with the sessions it reaches -*- C++ -*-===//
//
// A summary says, for one function, which sessions it uses (through a
// parameter, `this`, a field of either, a global, or a variable it
// captures), with which locks held at each use and, for streams, whether
// the use reads or writes; which tasks it starts that outlive it and what
// they reach; and which object it returns a reference to (an accessor, a
// singleton, a cache). Everything is written in the function's own frame
// (Places.h) and moved into a caller's frame at each call: parameters
// become the arguments, `this` the object, and the callee's locks join
// those the caller holds around the call. So a use three calls deep is a
// use at the call, a helper that locks `inv.mu` around `inv.db` guards the
// caller's `inv.db`, and `Manager::instance()->database()` is the same
// session wherever it is called.
//
// Summaries are computed once per translation unit, on demand and bottom-up
// over the call graph: a function's callees are summarised before it. A
// recursive call sees the summary computed so far (empty at first); once
// the outermost summary is done, every summary that saw an unfinished one
// is computed again, until nothing grows (at most MaxRounds). Calls deeper
// than MaxCallDepth, calls into system headers and calls of functions
// without a body in this translation unit are opaque: their arguments count
// as used.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_SUMMARIES_H
#define SESSIONLINT_ANALYSIS_SUMMARIES_H

#include "Joins.h"
#include "Locksets.h"
#include "Operations.h"
#include "Places.h"
#include "SpawnSites.h"
#include "Submissions.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>
#include <vector>

namespace sessionlint {

/// One use of a session.
struct Access {
  Place Target;
  OpKind Kind = OpKind::Exclusive;
  /// The locks held while it runs.
  Lockset Held;
  /// The statement of this function where it happens: the expression that
  /// names the session, or the call (or spawn) that leads to the use.
  const clang::Stmt *Where = nullptr;
  /// It runs later than Where, in a lambda written there (a callback, a
  /// completion handler): not in statement order.
  bool Deferred = false;
  /// It is made by a task started at Where that this function joins
  /// before it returns: it overlaps what runs between the spawn and the
  /// join, and what other tasks do.
  const clang::Stmt *ByTask = nullptr;
};

/// A use made by a task, in the frame of the function that starts it.
struct TaskAccess {
  Access Use;
  /// Where the task obtains the session: the capture, the argument, or the
  /// use in the task's body (`this` members, globals).
  clang::SourceLocation Anchor;
  /// The declaration the task names at that point (the captured variable,
  /// the member, the global), for the diagnostic.
  const clang::ValueDecl *Named = nullptr;
};

/// A task that runs what a parameter holds: the caller's argument there is
/// the task's code (a helper that starts `std::thread(f)` on its parameter
/// f, a thread pool's `enqueue`, Submissions.h).
struct ParamRun {
  unsigned Callable = 0;
  /// The parameters handed to it when it runs, in order; -1 where the
  /// helper hands it something else.
  llvm::SmallVector<int, 2> Arguments;
  /// Runs of it are serialised under this key (a queue one thread
  /// consumes): they never overlap each other.
  const void *Serial = nullptr;
};

/// A task started by a function that may still run when it returns.
struct EscapingTask {
  /// The spawn in this function, or the call of the helper that starts it.
  const clang::Stmt *Spawn = nullptr;
  /// The spawn statement itself, inside the innermost helper.
  const clang::Stmt *Origin = nullptr;
  std::string Api;
  std::vector<TaskAccess> Reach;
  /// The function returns the task's handle; its caller joins it through
  /// the returned value, the way ReturnedJoins says.
  bool ReturnsHandle = false;
  JoinKind ReturnedJoins = JoinKind::Explicit;
  /// The handle is stored in this parameter (`pthread_t &tid`, `std::thread
  /// &out`): the caller joins it through the argument.
  std::optional<unsigned> HandleParam;
  /// HandleParam is an execution context the task was posted to
  /// (`post(pool, f)`): the caller's context, joined by its `join()`,
  /// `wait()` or `run()`, or by the end of its scope when the caller owns it.
  bool PostedToContext = false;
  /// What else the task runs: the callables its caller hands in.
  llvm::SmallVector<ParamRun, 1> Runs;
  /// Part of Reach is code this function's caller wrote (a callable it
  /// handed in): whether that escapes is for the caller to judge.
  bool RunsCallerCode = false;
  /// The task is a job handed to a worker thread a pool started earlier,
  /// not a thread of its own (Submissions.h).
  bool Queued = false;
};

struct Summary {
  std::vector<Access> Accesses;
  std::vector<EscapingTask> Tasks;
  /// The object the function returns a reference, pointer or handle to.
  std::optional<Place> Returns;
  /// Accesses by the statement they happen at (not deferred ones).
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 2>> ByStmt;
  /// Calls in this function of helpers whose tasks outlive them (and
  /// constructions by constructors that start one), with the task moved
  /// into this frame.
  std::vector<std::pair<const clang::Expr *, EscapingTask>> HelperSpawns;
  /// Computed with a recursive call's unfinished summary.
  bool SawUnfinished = false;

  size_t size() const { return Accesses.size() + Tasks.size() + (Returns ? 1 : 0); }
  /// Adds A unless an access with the same target, kind, place, order and
  /// locks already is there (at most SummaryTable::MaxAccesses).
  void add(Access A);
};

/// How a call hands a value to a parameter (or `this`).
enum class Passing {
  /// A reference, a pointer, a handle, a shared_ptr: the callee uses the
  /// caller's object.
  Shared,
  /// A copy: only what the copy points to is shared.
  Copied,
  /// Moved: the callee owns it now.
  Moved,
};

class SummaryTable : public ReturnedPlaces {
public:
  /// Spawns: every spawn site of the translation unit, by statement.
  SummaryTable(clang::ASTContext &Ctx, SessionTypeClassifier &Types,
               JoinFinder &Joins,
               const llvm::DenseMap<const clang::Stmt *, SpawnSite> &Spawns);
  ~SummaryTable() override;

  /// The summary of Function (a function, a method, a lambda's call
  /// operator), computed on first use. The reference stays valid for the
  /// table's life. The summary it names is final once the outermost of()
  /// has returned; until then only the fixed point at the end of that
  /// outermost call replaces summaries, after every computation that
  /// could be holding one has returned.
  const Summary &of(const clang::Decl *Function);
  /// The frame of Function's body.
  const Frame &frameOf(const clang::Decl *Function);
  /// What Root, a statement of Function's body (an OpenMP region), does,
  /// in Function's frame; not cached.
  Summary summariseStatement(const clang::Decl *Function, const clang::Stmt *Root);

  std::optional<Place> returnedPlace(const clang::CallExpr *Call,
                                     const Frame &Caller) override;

  /// Moves an access of a callee's summary into the caller's frame: the
  /// root becomes the argument bound to it; nothing when the callee's
  /// own object.
  using RootMap = llvm::function_ref<std::optional<std::pair<Place, Passing>>(
      const Place &Root)>;
  std::optional<Place> translate(const Place &P, RootMap Map, const Frame &Into);
  Lockset translate(llvm::ArrayRef<Place> Held, RootMap Map, const Frame &Into);

  /// The definition of F that has a body here and is not in a system
  /// header, if any.
  const clang::FunctionDecl *definitionOf(const clang::FunctionDecl *F) const;

  /// Whether F is defined outside system headers but its body was skipped:
  /// clangd parses the headers of its precompiled preamble without function
  /// bodies. What such a function does is unknown, and unknown says nothing
  /// (as for a broken body): not a use of what it is given.
  bool bodySkipped(const clang::FunctionDecl *F) const;

  /// How a call of Callee binds each of its roots (parameters, `this`,
  /// captured variables for a lambda) at Call in the frame Caller.
  std::optional<std::pair<Place, Passing>>
  bindRoot(const Place &Root, const clang::FunctionDecl *Callee,
           const clang::Expr *Call, const Frame &Caller);

  /// Registers a user-defined member function as an overrider of every
  /// virtual function it overrides, directly or through its bases.
  void addOverrider(const clang::CXXMethodDecl *M);
  /// The user-defined overriders of the virtual function M in this
  /// translation unit: what a call through the base may run.
  llvm::ArrayRef<const clang::CXXMethodDecl *> overridersOf(const clang::CXXMethodDecl *M) const;

  clang::ASTContext &context() const { return Ctx; }
  SessionTypeClassifier &types() const { return Types; }
  JoinFinder &joins() const { return Joins; }
  SubmissionFinder &submissions() { return Submissions; }
  const SpawnSite *spawnAt(const clang::Stmt *S) const;
  /// Whether T is used as a session wherever an object of it is named (a
  /// catalog session, a handle, an annotated class, a stream with operation
  /// rules), not a holder.
  bool isSessionLeaf(clang::QualType T) const;
  /// Statistics, for the dump mode: how many summaries were computed.
  unsigned computed() const { return Computed; }
  /// The reach of each spawn site, computed once (Tasks.h).
  /// Entries never move: callers keep references while others are added.
  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<std::vector<TaskAccess>>>
      ReachCache;

  static constexpr unsigned MaxCallDepth = 48;
  static constexpr unsigned MaxRounds = 4;
  static constexpr size_t MaxAccesses = 256;

private:
  class Builder;
  friend class Builder;
  Summary compute(const clang::Decl *Function);
  /// Def's summary moved into Fr at Call, with Around held there, added to
  /// Out (SummaryCalls.cpp).
  void applyCallee(const clang::FunctionDecl *Def, const clang::Expr *Call,
                   const Frame &Fr, const Lockset &Around, Summary &Out);
  /// The spawn at Site in Fr's body, added to Out: its task's uses when it
  /// is joined there, an escaping task when it is not (SummaryCalls.cpp).
  /// Around: the locks held at the spawn.
  void recordSpawn(const SpawnSite &Site, const Frame &Fr, Summary &Out,
                   const Lockset &Around = {});
  /// The jobs Fr's function submits to a worker thread (Submissions.h), as
  /// tasks that outlive it (SummaryCalls.cpp).
  void recordSubmissions(const Frame &Fr, Summary &Out);

  clang::ASTContext &Ctx;
  SessionTypeClassifier &Types;
  JoinFinder &Joins;
  const llvm::DenseMap<const clang::Stmt *, SpawnSite> &Spawns;
  SubmissionFinder Submissions;
  llvm::DenseMap<const clang::Decl *, std::unique_ptr<Frame>> Frames;
  llvm::DenseMap<const clang::CXXMethodDecl *,
                 llvm::SmallVector<const clang::CXXMethodDecl *, 2>>
      Overriders;
  llvm::DenseMap<const clang::Decl *, std::unique_ptr<Summary>> Done;
  llvm::SmallPtrSet<const clang::Decl *, 16> InProgress;
  /// Computed since the outermost of() began: only these can have seen an
  /// unfinished summary, so only these are revisited (not all of Done, which
  /// made each outermost call cost as much as every summary so far).
  llvm::SmallVector<const clang::Decl *, 16> Fresh;
  unsigned Depth = 0;
  unsigned Computed = 0;
};

} // namespace sessionlint

#endif
