#include "TaskBodies.h"
#include "Walk.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace sessionlint {

void TaskBodies::addSite(const SpawnSite &Site) {
  for (const Expr *Callable : Site.Callables)
    addCallable(Callable);
  if (Site.Entry)
    addFunction(Site.Entry, 0);
}

void TaskBodies::addCallable(const Expr *Callable) {
  if (const LambdaExpr *L = lambdaOf(Callable)) {
    addFunction(L->getCallOperator(), 0);
    return;
  }
  const Expr *E = stripForwarding(Callable);
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(E);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    E = AddrOf->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
      addFunction(F, 0);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    addFunction(Call->getDirectCallee(), 0); // A coroutine call.
    return;
  }
  if (const CXXRecordDecl *Record = recordOf(E); Record && Record->hasDefinition())
    for (const CXXMethodDecl *M : Record->getDefinition()->methods())
      if (M->getOverloadedOperator() == OO_Call)
        addFunction(M, 0);
}

void TaskBodies::addFunction(const FunctionDecl *F, unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!F || Depth > MaxDepth || !F->hasBody(Def) || !Def ||
      SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())) ||
      !Seen.insert(Def).second)
    return;
  llvm::SmallVector<const Stmt *, 4> Parts{Def->getBody()};
  // A constructor's member initialisers run too (`struct { QSqlQuery q; }`
  // default-constructs q in its implicit constructor).
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        Parts.push_back(Init->getInit());
  for (const Stmt *Part : Parts) {
    Bodies.push_back(Part);
    walk(Part, [&](const Stmt *S) {
      if (const auto *Call = dyn_cast<CallExpr>(S))
        addFunction(Call->getDirectCallee(), Depth + 1);
      else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
        addFunction(Construct->getConstructor(), Depth + 1);
      return Step::Descend;
    });
  }
}

} // namespace sessionlint
