//===--- Engine.h - the analysis of one translation unit --------*- C++ -*-===//
//
// The check hands the engine every spawn site and every call between the
// functions of a translation unit; at its end the engine returns findings
// (the session, the rule, the spawn, the concurrent use, what the notes
// show), and the check only words them. One finding per session and spawn
// site, for the first rule that applies, in this order:
//
//   parallel     the task's body runs several times at once
//                (RuleParallel.cpp)
//   rules 1, 2   after the spawn and before the join the function, another
//                task or the same spawn again uses the session
//                (RuleConcurrentUse.cpp)
//   rule 3       the task outlives the function and the session is owned
//                outside it, by a caller or by the object's other member
//                functions (RuleEscape.cpp)
//
// Which uses may overlap at all (locks, strands, full-duplex streams) is
// Conflicts.h; what a task reaches is Tasks.h; what a function does with
// what it reaches is Summaries.h.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_ENGINE_H
#define SESSIONLINT_ANALYSIS_ENGINE_H

#include "Summaries.h"
#include "TaskOrdering.h"
#include "Tasks.h"

#include "llvm/ADT/MapVector.h"
#include <memory>

namespace sessionlint {

struct Finding {
  enum Kind {
    /// Rule 1: the spawning function uses the session while the task runs.
    UseAfterSpawn,
    /// Rule 2: another task reaches it while this one runs.
    OverlappingTasks,
    /// Rule 2: the same spawn runs again (a loop) before the task is joined.
    SpawnInLoop,
    /// The body runs several times at once (parallel algorithm, OpenMP).
    Parallel,
    /// Rule 3: the task outlives the function; the owner keeps using it.
    Escape,
  };
  Kind What = UseAfterSpawn;
  const SpawnSite *Site = nullptr;
  /// The task's first use of the session, with its anchor and name.
  TaskAccess Reached;
  /// UseAfterSpawn: the concurrent use; OverlappingTasks: the other spawn
  /// (or the call of the helper that runs the other task).
  const clang::Stmt *Use = nullptr;
  /// Where the note about Use points: the use, or where the other task
  /// obtains the session.
  clang::SourceLocation UseLoc;
  /// OverlappingTasks: the other task's API.
  std::string OtherApi;
  /// Escape: where the task is detached, if it is.
  const clang::Expr *DetachedAt = nullptr;
};

class Engine {
public:
  Engine(clang::ASTContext &Ctx, SessionTypeClassifier &Types, JoinFinder &Joins);
  ~Engine();

  /// A spawn site the matchers found, in Function.
  void addSite(const clang::Decl *Function, SpawnSite Site);
  /// A function defined in user code: where calls of helpers may be.
  void addFunction(const clang::FunctionDecl *Function);

  /// Analyses every function that starts a task, directly or through a
  /// helper; sites of functions with errors are skipped.
  std::vector<Finding> run();

  SummaryTable &summaries() { return *Table; }
  /// The functions (and lambdas' call operators) whose bodies call F,
  /// among those added with addFunction().
  const llvm::SmallVector<const clang::Decl *, 2> &callersOf(const clang::Decl *F);
  /// The uses Site's task makes, in the frame of Function.
  const std::vector<TaskAccess> &reachOf(const clang::Decl *Function,
                                         const SpawnSite &Site);

private:
  void analyse(const clang::Decl *Function, llvm::ArrayRef<const SpawnSite *> Sites,
               std::vector<Finding> &Out);
  FunctionOrdering *orderingOf(const clang::Decl *Function);
  /// hasErrors(F), asked once per function.
  bool broken(const clang::Decl *F);
  /// Spawn sites that calls of helpers are in Function.
  void addHelperSites(const clang::Decl *Function);
  /// `ScopedThread guard(std::thread(f, db));`, `thread_guard g(t);`,
  /// `Joiner j{std::move(t)};`: the local object of Function built from
  /// Site's handle, or from the spawn itself, whose destructor joins the
  /// thread it holds; the task ends with its scope.
  const clang::VarDecl *guardOf(const clang::Decl *Function, const SpawnSite &Site);
  /// Whether the task a helper call on the object Handle starts ends when
  /// Handle does: a local object (not a reference) whose destructor joins.
  bool joinsAtScopeEnd(const clang::VarDecl *Handle);
  /// Context is a parameter of Function (an execution context it was
  /// handed) that Function neither runs nor joins: what is posted to it
  /// runs on the caller's threads.
  bool handedNotJoined(const clang::Decl *Function, const clang::VarDecl *Context);

  // The rules; each returns the finding it makes for Session, if any.
  std::optional<Finding> parallel(const SpawnSite &Site,
                                  llvm::ArrayRef<TaskAccess> Reach);
  std::optional<Finding> concurrentUse(const clang::Decl *Function,
                                       const SpawnSite &Site, const Place &Session,
                                       llvm::ArrayRef<TaskAccess> Reach,
                                       llvm::ArrayRef<const SpawnSite *> Sites);
  std::optional<Finding> escape(const clang::Decl *Function, const SpawnSite &Site,
                                const Place &Session,
                                llvm::ArrayRef<TaskAccess> Reach);
  /// Whether the member function Function is (or is written in) is called
  /// in view from outside its class (RuleEscape.cpp).
  bool hasCallersInView(const clang::Decl *Function);
  /// The uses other code makes of a member session Session of Function's
  /// class: the class's other entry points (RuleEscape.cpp).
  std::vector<TaskAccess> otherMemberUses(const clang::Decl *Function,
                                          const SpawnSite &Site,
                                          const Place &Session);

  clang::ASTContext &Ctx;
  SessionTypeClassifier &Types;
  JoinFinder &Joins;
  llvm::DenseMap<const clang::Stmt *, SpawnSite> Sites;
  llvm::MapVector<const clang::Decl *, std::vector<const clang::Stmt *>> ByFunction;
  /// The callers of each function, found in the bodies of Functions when
  /// first needed.
  std::vector<const clang::FunctionDecl *> Functions;
  std::optional<llvm::DenseMap<const clang::Decl *, llvm::SmallVector<const clang::Decl *, 2>>>
      Callers;
  /// Sites that calls of helpers are, owned here.
  std::vector<std::unique_ptr<SpawnSite>> HelperSites;
  llvm::DenseMap<const clang::Decl *, std::unique_ptr<FunctionOrdering>> Orderings;
  llvm::DenseMap<const clang::Decl *, bool> Broken;
  /// Per function: its local objects whose destructor joins, with their
  /// construction (guardOf).
  llvm::DenseMap<const clang::Decl *,
                 llvm::SmallVector<std::pair<const clang::VarDecl *,
                                             const clang::CXXConstructExpr *>, 1>>
      Guards;
  std::unique_ptr<SummaryTable> Table;
  /// The sessions each function reported an escape for: a call of it on
  /// the same object is that bug again, not a second one.
  llvm::DenseMap<const clang::Decl *, std::vector<Place>> Escaped;
};

/// Whether a function is half typed, analysed by nobody: it is invalid, its
/// body holds recovery expressions or invalid declarations, names a
/// declaration that did not compile, the compiler reported an error in it
/// (CompilerErrors.h), or a user function it calls has such a body (one
/// level down: a broken joining or locking helper).
bool hasErrors(const clang::Decl *Function);

} // namespace sessionlint

#endif
