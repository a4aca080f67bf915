#include "Joins.h"
#include "SpawnSites.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace sessionlint {
namespace {

bool isJoinMethodName(llvm::StringRef Name) {
  return Name == "join" || Name == "get" || Name == "wait";
}

} // namespace

bool JoinFinder::isJoinOf(const Stmt *S, const VarDecl *Handle) {
  if (!Handle)
    return false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    return Method && isJoinMethodName(Method->getName()) &&
           namedVar(Member->getImplicitObjectArgument()) == Handle;
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call || isa<CXXOperatorCallExpr>(Call) || !Call->getDirectCallee())
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams();
       ++I)
    if (namedVar(Call->getArg(I)) == Handle && helperJoinsParam(Callee, I))
      return true;
  return false;
}

bool JoinFinder::loopJoinsElements(const CXXForRangeStmt *Loop) {
  const VarDecl *Element = Loop->getLoopVariable();
  return Element && Loop->getBody() && bodyJoins(Loop->getBody(), Element);
}

bool JoinFinder::bodyJoins(const Stmt *S, const VarDecl *Handle) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isJoinOf(S, Handle))
    return true;
  if (const auto *Loop = dyn_cast<CXXForRangeStmt>(S))
    if (namedVar(Loop->getRangeInit()) == Handle && loopJoinsElements(Loop))
      return true;
  for (const Stmt *Child : S->children())
    if (bodyJoins(Child, Handle))
      return true;
  return false;
}

bool JoinFinder::helperJoinsParam(const FunctionDecl *Helper, unsigned Index) {
  const FunctionDecl *Definition = nullptr;
  if (!Helper->hasBody(Definition) || !Definition ||
      Definition->isInvalidDecl() || Index >= Definition->getNumParams())
    return false;
  auto Key = std::make_pair(Definition, Index);
  auto [It, Inserted] = Summaries.try_emplace(Key, State::InProgress);
  if (!Inserted)
    return It->second == State::Joins;
  bool Joins = bodyJoins(Definition->getBody(), Definition->getParamDecl(Index));
  Summaries[Key] = Joins ? State::Joins : State::DoesNotJoin;
  return Joins;
}

} // namespace sessionlint
