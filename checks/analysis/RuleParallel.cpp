//===--- RuleParallel.cpp - a body that runs several times at once --------===//
//
// A parallel algorithm with std::execution::par, tbb::parallel_for and an
// OpenMP parallel region run their body on several threads at once, and
// the caller waits: the body overlaps itself, never the caller. A session
// the body uses is reported unless every two uses of it are kept apart
// (Conflicts.h): the same lock, or, for tbb::parallel_invoke and OpenMP
// sections, the two uses are in the same function or section, which runs
// once.
//
//===----------------------------------------------------------------------===//
#include "Conflicts.h"
#include "Engine.h"

namespace sessionlint {

std::optional<Finding> Engine::parallel(const SpawnSite &Site,
                                        llvm::ArrayRef<TaskAccess> Reach) {
  if (!conflictWithin(Reach))
    return std::nullopt;
  Finding F;
  F.What = Finding::Parallel;
  F.Site = &Site;
  F.Reached = Reach.front();
  return F;
}

} // namespace sessionlint
