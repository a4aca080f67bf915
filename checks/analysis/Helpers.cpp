#include "Helpers.h"
#include "Walk.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace sessionlint {

bool HelperSpawns::add(const FunctionDecl *Helper, unsigned Index,
                       const SpawnSite &Inner, bool ReturnsHandle) {
  Summary &S = Summaries[Helper->getCanonicalDecl()];
  bool Changed = false;
  if (!S.Spawn) {
    S.Spawn = Inner.Call;
    Changed = true;
  }
  if (ReturnsHandle && !S.ReturnsHandle) {
    S.ReturnsHandle = true;
    S.ReturnedJoins = Inner.Returned ? Inner.ReturnedJoins : Inner.Joins;
    Changed = true;
  }
  if (!llvm::is_contained(S.Params, Index)) {
    S.Params.push_back(Index);
    Changed = true;
  }
  return Changed;
}

std::optional<SpawnSite> HelperSpawns::siteAt(const CallExpr *Call,
                                              ASTContext &Ctx) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(Call) || Call->containsErrors())
    return std::nullopt;
  auto It = Summaries.find(Callee->getCanonicalDecl());
  if (It == Summaries.end())
    return std::nullopt;
  const Summary &S = It->second;
  SpawnSite Site;
  Site.Call = Call;
  Site.Api = Callee->getNameAsString();
  Site.HelperSpawn = S.Spawn;
  for (unsigned Index : S.Params)
    if (Index < Call->getNumArgs())
      Site.SharedArguments.push_back(Call->getArg(Index));
  Site.Joins = JoinKind::Never;
  if (!S.ReturnsHandle)
    return Site;

  const VarDecl *Handle = nullptr;
  const Expr *DetachedAt = nullptr;
  switch (findDestination(Call, Ctx, Handle, DetachedAt)) {
  case Destination::Variable:
    Site.Handle = Handle;
    Site.Joins = S.ReturnedJoins;
    break;
  case Destination::Detached:
    Site.DetachedAt = DetachedAt;
    break;
  case Destination::Discarded:
    // A discarded future joins at once; a discarded thread terminates.
    return std::nullopt;
  case Destination::Awaited:
    return std::nullopt;
  case Destination::Returned:
    Site.Returned = true;
    Site.ReturnedJoins = S.ReturnedJoins;
    break;
  case Destination::Elsewhere:
    break;
  }
  return Site;
}

bool returnsVariable(const Stmt *Body, const VarDecl *Handle) {
  if (!Handle)
    return false;
  return !walk(Body, [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    if (const auto *Return = dyn_cast<ReturnStmt>(S);
        Return && Return->getRetValue() &&
        namedVar(Return->getRetValue()) == Handle)
      return Step::Stop;
    return Step::Descend;
  });
}

} // namespace sessionlint
