#include "Conflicts.h"

namespace sessionlint {

bool conflict(const Access &A, const Access &B) {
  if (A.Target != B.Target)
    return false;
  if (!disjoint(A.Held, B.Held))
    return false; // One lock excludes the other.
  if (std::optional<OpConcurrency> Rule = streamRule(A.Target.type()))
    return conflict(A.Kind, B.Kind, *Rule);
  return true;
}

bool anyConflict(llvm::ArrayRef<TaskAccess> A, llvm::ArrayRef<TaskAccess> B) {
  for (const TaskAccess &X : A)
    for (const TaskAccess &Y : B)
      if (conflict(X.Use, Y.Use))
        return true;
  return false;
}

bool conflictWithin(llvm::ArrayRef<TaskAccess> Uses) {
  for (size_t I = 0; I < Uses.size(); ++I)
    for (size_t J = I; J < Uses.size(); ++J)
      if (conflict(Uses[I].Use, Uses[J].Use))
        return true;
  return false;
}

} // namespace sessionlint
