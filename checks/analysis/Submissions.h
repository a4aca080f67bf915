//===--- Submissions.h - functions that hand a job to a worker thread -*- C++ -*-===//
//
// A hand-written thread pool or work queue starts no thread where a job is
// submitted: `pool.enqueue([&conn] {...})` pushes the callable into a
// member queue, and a thread the pool started earlier takes it out and runs
// it. The call is a spawn all the same. A function submits its callable
// parameter when
//
//   1. a value built from the parameter (the parameter itself, a lambda
//      capturing it, a std::bind, a packaged_task, a shared_ptr to one) is
//      stored into a data member of its object or into a global: handed to
//      a member function of it (`tasks_.push(...)`, `queue_.emplace(...)`)
//      or assigned to it; and
//   2. a task started somewhere in this translation unit reads that member
//      or global and calls a type-erased callable (std::function,
//      packaged_task, a function pointer) in its body or in the functions
//      it calls.
//
// Both are facts of the code, not names: `enqueue`, `submit`, `post` and
// `schedule` are found alike, and a callback registry whose callbacks run
// on the caller's own thread is no submission.
//
// The other parameters of the call that wraps the callable
// (`std::bind(f, args...)`) are the job's arguments. Jobs of a queue that a
// single thread consumes (one spawn, outside any loop) run one at a time:
// they never overlap each other, only whoever else uses what they reach.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_SUBMISSIONS_H
#define SESSIONLINT_ANALYSIS_SUBMISSIONS_H

#include "SpawnSites.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>
#include <vector>

namespace sessionlint {

struct Submission {
  /// The parameter holding the job.
  unsigned Callable = 0;
  /// The parameters handed to the job when it runs, in order; -1 where
  /// the wrapper passes something that is not a parameter.
  llvm::SmallVector<int, 2> Arguments;
  /// Where the job is stored.
  const clang::Stmt *Store = nullptr;
  /// The data member or global it is stored in.
  const clang::ValueDecl *Queue = nullptr;
  /// One thread runs the queue's jobs, one after another.
  bool Serial = false;
  /// The function returns a future of the job: the caller joins it there.
  bool ReturnsFuture = false;
};

class SubmissionFinder {
public:
  SubmissionFinder(clang::ASTContext &Ctx,
                   const llvm::DenseMap<const clang::Stmt *, SpawnSite> &Spawns);
  ~SubmissionFinder();

  /// Whether F has a parameter that may hold a job (a lambda, a function
  /// object, a std::function, a function pointer): cheap, from the
  /// declaration alone.
  static bool takesCallable(const clang::FunctionDecl *F);
  /// The jobs F submits (F a definition); computed once.
  llvm::ArrayRef<Submission> of(const clang::FunctionDecl *F);

private:
  struct SiteFacts {
    /// Data members and globals the task's code names.
    llvm::SmallPtrSet<const clang::ValueDecl *, 8> Names;
    /// It calls a type-erased callable.
    bool RunsJobs = false;
  };
  struct Consumers {
    bool Found = false;
    bool Serial = false;
  };
  const SiteFacts &factsOf(const SpawnSite &Site);
  Consumers consumersOf(const clang::ValueDecl *Queue);
  bool inLoop(const clang::Stmt *S);

  clang::ASTContext &Ctx;
  const llvm::DenseMap<const clang::Stmt *, SpawnSite> &Spawns;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<Submission>> Done;
  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<SiteFacts>> Facts;
  llvm::DenseMap<const clang::ValueDecl *, Consumers> ConsumersOf;
};

} // namespace sessionlint

#endif
