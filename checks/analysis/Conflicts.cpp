#include "Conflicts.h"
#include "Parents.h"
#include "Walk.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

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

namespace {

/// How an access reaches a container's element, from the expression where
/// it happens: through an index of its iteration's own, through one every
/// iteration shares (`conns[0]`, `front()`), or not visibly (an alias such
/// as a transaction built on the element).
enum class ElementIndex { Unseen, PerIteration, Shared };

bool perIterationIndex(const Expr *Index, const Stmt *Spawn, ASTContext &Ctx) {
  const auto *Ref = dyn_cast<DeclRefExpr>(stripForwarding(Index));
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!V || !declaredInLoopAround(V, Spawn, Ctx))
    return false;
  if (!Ref->refersToEnclosingVariableOrCapture())
    return true;
  // Captured by reference, every task reads the one variable as it
  // changes: no iteration has its own.
  DynTypedNode Node = DynTypedNode::create(*Ref);
  for (unsigned Steps = 0; Steps < 64; ++Steps) {
    ParentList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return false;
    Node = Parents[0];
    if (const auto *Lambda = Node.get<LambdaExpr>()) {
      for (const LambdaCapture &C : Lambda->captures())
        if (C.capturesVariable() && C.getCapturedVar() == V)
          return C.getCaptureKind() == LCK_ByCopy;
      return false;
    }
  }
  return false;
}

ElementIndex elementIndexOf(const TaskAccess &A, const Stmt *Spawn, ASTContext &Ctx) {
  ElementIndex Seen = ElementIndex::Unseen;
  walk(A.Use.Where, [&](const Stmt *S) {
    const Expr *Index = nullptr;
    if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(S)) {
      Index = Sub->getIdx();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
               Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
      Index = Op->getArg(1);
    } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
               Call && Call->getMethodDecl() && Call->getMethodDecl()->getIdentifier()) {
      llvm::StringRef Name = Call->getMethodDecl()->getName();
      if (Name == "at" && Call->getNumArgs() == 1)
        Index = Call->getArg(0);
      else if (Name == "front" || Name == "back") {
        Seen = ElementIndex::Shared;
        return Step::Stop;
      }
    }
    if (!Index)
      return Step::Descend;
    Seen = perIterationIndex(Index, Spawn, Ctx) ? ElementIndex::PerIteration
                                                : ElementIndex::Shared;
    return Seen == ElementIndex::Shared ? Step::Stop : Step::Descend;
  });
  return Seen;
}

/// Whether the tasks Spawn starts in successive iterations reach
/// different objects at P: a variable declared in the loop, or a
/// container element each reaches through an index, or a range-for
/// element, of its own iteration, and none through a shared one.
} // namespace

bool placePerIteration(const Place &P, llvm::ArrayRef<const TaskAccess *> Uses,
                       const Stmt *Spawn, ASTContext &Ctx) {
  if (const VarDecl *Root = P.rootVar(); Root && declaredInLoopAround(Root, Spawn, Ctx))
    return true;
  bool Element = false;
  for (size_t I = 0; I < P.depth(); ++I)
    Element |= P.step(I) == Place::elementStep();
  if (!Element)
    return false;
  bool Own = false;
  for (const TaskAccess *A : Uses) {
    // `for (auto &c : conns) spawn(worker, std::ref(c))`.
    if (const auto *Named = dyn_cast_or_null<VarDecl>(A->Named);
        Named && declaredInLoopAround(Named, Spawn, Ctx)) {
      Own = true;
      continue;
    }
    switch (elementIndexOf(*A, Spawn, Ctx)) {
    case ElementIndex::Shared:
      return false;
    case ElementIndex::PerIteration:
      Own = true;
      break;
    case ElementIndex::Unseen:
      break;
    }
  }
  return Own;
}

bool placePerIteration(const Place &P, llvm::ArrayRef<TaskAccess> Uses, const Stmt *Spawn,
                       ASTContext &Ctx) {
  llvm::SmallVector<const TaskAccess *, 4> Same;
  for (const TaskAccess &A : Uses)
    if (A.Use.Target == P)
      Same.push_back(&A);
  return placePerIteration(P, Same, Spawn, Ctx);
}

bool conflictAcrossIterations(llvm::ArrayRef<TaskAccess> Uses, const Stmt *Spawn,
                              ASTContext &Ctx) {
  llvm::SmallDenseMap<Place, bool, 4> Own;
  for (const TaskAccess &A : Uses) {
    if (Own.count(A.Use.Target))
      continue;
    Own[A.Use.Target] = placePerIteration(A.Use.Target, Uses, Spawn, Ctx);
  }
  for (size_t I = 0; I < Uses.size(); ++I)
    for (size_t J = I; J < Uses.size(); ++J)
      if (!Own.lookup(Uses[I].Use.Target) && conflict(Uses[I].Use, Uses[J].Use))
        return true;
  return false;
}

} // namespace sessionlint
