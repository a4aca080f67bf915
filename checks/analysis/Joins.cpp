#include "Joins.h"
#include "Walk.h"
#include "SpawnSites.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace sessionlint {
namespace {

bool isJoinMethodName(llvm::StringRef Name) {
  return Name == "join" || Name == "get" || Name == "wait" ||
         Name == "waitForFinished" || Name == "result" || Name == "waitForDone";
}

} // namespace

bool JoinFinder::isUserJoin(const FunctionDecl *F) const {
  for (const auto *A : F->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "sessionlint::joins")
      return true;
  return UserJoins && !UserJoins->empty() &&
         UserJoins->matches(qualifiedName(F));
}

bool JoinFinder::isJoinOf(const Stmt *S, const VarDecl *Handle) {
  if (!Handle)
    return false;
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call || isa<CXXOperatorCallExpr>(Call) || !Call->getDirectCallee())
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (isUserJoin(Callee)) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (namedVar(Member->getImplicitObjectArgument()) == Handle)
        return true;
    for (const Expr *Arg : Call->arguments())
      if (namedVar(Arg) == Handle)
        return true;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Method && Method->getIdentifier() && isJoinMethodName(Method->getName()) &&
        namedVar(Member->getImplicitObjectArgument()) == Handle)
      return true;
    // A member function that joins the handle it is given.
  } else if (Callee->getIdentifier() && Callee->getName() == "pthread_join" &&
             Call->getNumArgs() > 0) {
    return namedVar(Call->getArg(0)) == Handle;
  }
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

bool JoinFinder::bodyJoins(const Stmt *Body, const VarDecl *Handle) {
  return !walk(Body, [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    if (isJoinOf(S, Handle))
      return Step::Stop;
    // A timed join (try_join_for, wait_for) joins on its success branch
    // (TaskOrdering.cpp): the function does join what it started.
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
        Call && Call->getMethodDecl() && Call->getMethodDecl()->getIdentifier() &&
        llvm::is_contained({llvm::StringRef("try_join_for"), llvm::StringRef("try_join_until"),
                            llvm::StringRef("timed_join"), llvm::StringRef("wait_for"),
                            llvm::StringRef("wait_until")},
                           Call->getMethodDecl()->getName()) &&
        namedVar(Call->getImplicitObjectArgument()) == Handle)
      return Step::Stop;
    if (const auto *Loop = dyn_cast<CXXForRangeStmt>(S))
      if (namedVar(Loop->getRangeInit()) == Handle && loopJoinsElements(Loop))
        return Step::Stop;
    return Step::Descend;
  });
}

const VarDecl *JoinFinder::detachedBy(const Stmt *S) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S);
      Member && Member->getMethodDecl() && Member->getMethodDecl()->getIdentifier() &&
      Member->getMethodDecl()->getName() == "detach")
    return namedVar(Member->getImplicitObjectArgument());
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call || isa<CXXMemberCallExpr>(Call) || !Call->getDirectCallee())
    return nullptr;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee->getIdentifier() && Callee->getName() == "pthread_detach" &&
      Call->getNumArgs() == 1)
    return namedVar(Call->getArg(0));
  for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams(); ++I)
    if (const VarDecl *Handle = namedVar(Call->getArg(I)))
      if (helperDetachesParam(Callee, I))
        return Handle;
  return nullptr;
}

bool JoinFinder::helperDetachesParam(const FunctionDecl *Helper, unsigned Index) {
  const FunctionDecl *Definition = nullptr;
  if (!Helper->hasBody(Definition) || !Definition ||
      Definition->isInvalidDecl() || Index >= Definition->getNumParams())
    return false;
  auto Key = std::make_pair(Definition, Index);
  auto [It, Inserted] = DetachSummaries.try_emplace(Key, State::InProgress);
  if (!Inserted)
    return It->second == State::Joins;
  const VarDecl *Param = Definition->getParamDecl(Index);
  bool Detaches = !walk(Definition->getBody(), [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    return detachedBy(S) == Param ? Step::Stop : Step::Descend;
  });
  DetachSummaries[Key] = Detaches ? State::Joins : State::DoesNotJoin;
  return Detaches;
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
