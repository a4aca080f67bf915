//===--- Joins.h - statements that wait for a task --------------*- C++ -*-===//
//
// SPEC rule 1 ends at a join: `t.join()`, `f.get()`, `f.wait()`,
// `group.wait()`, Qt's `future.waitForFinished()` / `result()` and
// `pool.waitForDone()`, `pthread_join(tid, ...)`, a call of a user join
// function (JoinFunctions, SESSIONLINT_JOINS) on or with the handle, a range-for that joins every element of a container of
// handles, and a call of a function in this translation unit that does one
// of these to the handle it is given (`wait_all(workers)`,
// `finish(std::move(t))`), and a member function of the handle's own class
// that joins the object's own thread (`worker.waitForThread()`). Such helpers are summarised once per function
// and cached; a recursive helper is assumed not to join.
//
// Simplification: a helper that joins on some path is taken to join on
// every path.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_JOINS_H
#define SESSIONLINT_ANALYSIS_JOINS_H

#include "Names.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"

namespace sessionlint {

class JoinFinder {
public:
  /// Functions the user declared joins (JoinFunctions): a call joins its
  /// object and its arguments. SESSIONLINT_JOINS functions always do.
  void setUserJoins(const NameList *Names) { UserJoins = Names; }

  /// Whether S itself joins what Handle holds: a join call on it, or a call
  /// of a joining helper with it as the argument.
  bool isJoinOf(const clang::Stmt *S, const clang::VarDecl *Handle,
                const clang::FieldDecl *Field = nullptr);

  /// Whether Body joins Handle somewhere, or runs a range-for over Handle
  /// whose body joins the element.
  bool bodyJoins(const clang::Stmt *Body, const clang::VarDecl *Handle,
                 const clang::FieldDecl *Field = nullptr);

  /// Whether the range-for Loop joins each element of the container it
  /// iterates.
  bool loopJoinsElements(const clang::CXXForRangeStmt *Loop);

  /// The handle S detaches: `t.detach()`, `pthread_detach(tid)`, or a call
  /// of a function in this translation unit that detaches the parameter it
  /// is given; null when S detaches nothing.
  const clang::VarDecl *detachedBy(const clang::Stmt *S);

  /// Whether the member function Method joins a task of its own object:
  /// `thread_.join()`, `wait()` on itself (a QThread), `pthread_join` of a
  /// member, a loop joining a member container, or a call of another such
  /// member function (`worker.stop()` that joins the worker's thread).
  bool methodJoinsOwnTask(const clang::CXXMethodDecl *Method);

  /// Whether destroying an object of Class joins the tasks it started: a
  /// destructor of ours that joins (methodJoinsOwnTask), or a library class
  /// documented to (`Poco::Activity` stops and waits).
  bool destructorJoins(const clang::CXXRecordDecl *Class);

private:
  bool helperJoinsParam(const clang::FunctionDecl *Helper, unsigned Index);
  bool helperDetachesParam(const clang::FunctionDecl *Helper, unsigned Index);

  bool isUserJoin(const clang::FunctionDecl *F) const;

  const NameList *UserJoins = nullptr;
  enum class State { InProgress, Joins, DoesNotJoin };
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, State>
      Summaries;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, State>
      DetachSummaries;
};

} // namespace sessionlint

#endif
