#include "StartGuards.h"
#include "Parents.h"
#include "SpawnSites.h"
#include "Walk.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace sessionlint {
namespace {

using FieldSet = llvm::SmallPtrSet<const FieldDecl *, 4>;

/// The class of what a pointer, smart pointer or reference of type T
/// designates.
const CXXRecordDecl *designatedClass(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    return T->getPointeeType()->getAsCXXRecordDecl();
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return T->getAsCXXRecordDecl();
  return Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
}

/// Whether Base is the object itself, as a member function or its
/// handlers name it: `this`, or the `self` a handler captures
/// (`[self = shared_from_this()]`, `auto *self = this`) when it points to
/// an object of Class.
bool isOwnObject(const Expr *Base, const CXXRecordDecl *Class) {
  const Expr *E = Base->IgnoreParenImpCasts();
  if (isa<CXXThisExpr>(E))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
      Op->getNumArgs() >= 1)
    E = Op->getArg(0)->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const CXXRecordDecl *Points = Var ? designatedClass(Var->getType()) : nullptr;
  if (!Points || !Class || !Points->hasDefinition())
    return false;
  return Points->getCanonicalDecl() == Class->getCanonicalDecl() ||
         Points->isDerivedFrom(Class);
}

/// The data members of `this` that E reads or changes: `queue_.size()`,
/// `!writing_`, `this->pending_ > 0`, and through a local computed from
/// them (`bool idle = queue_.empty(); ... if (idle)`).
void ownFieldsIn(const Stmt *E, FieldSet &Out, unsigned Depth = 0) {
  walk(E, [&](const Stmt *S) {
    if (const auto *Member = dyn_cast<MemberExpr>(S))
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
        if (isOwnObject(Member->getBase(), dyn_cast<CXXRecordDecl>(Field->getParent())))
          Out.insert(Field);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Depth < 2)
      if (const auto *Local = dyn_cast<VarDecl>(Ref->getDecl());
          Local && Local->isLocalVarDecl() && Local->getInit())
        ownFieldsIn(Local->getInit(), Out, Depth + 1);
    return Step::Descend;
  });
}

/// The fields a handler body uses, and those of the member functions of the
/// same object it calls, one level down (`do_write()` from the handler).
void handlerFields(const Stmt *Body, FieldSet &Out) {
  ownFieldsIn(Body, Out);
  walk(Body, [&](const Stmt *S) {
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
      if (const CXXMethodDecl *M = Call->getMethodDecl())
        if (isOwnObject(Call->getImplicitObjectArgument(), M->getParent()))
          if (const FunctionDecl *Def = M->getDefinition(); Def && Def->hasBody())
            ownFieldsIn(Def->getBody(), Out);
    return Step::Descend;
  });
}

bool containsReturn(const Stmt *S) {
  return !walk(S, [](const Stmt *Child) {
    if (isa<LambdaExpr>(Child))
      return Step::Skip;
    return isa<ReturnStmt, CoreturnStmt>(Child) ? Step::Stop : Step::Descend;
  });
}

} // namespace

llvm::SmallVector<const FunctionDecl *, 2> handlerFunctions(const Expr *Handler) {
  llvm::SmallVector<const FunctionDecl *, 2> Out;
  if (!Handler)
    return Out;
  if (const LambdaExpr *L = lambdaOf(Handler)) {
    Out.push_back(L->getCallOperator());
    return Out;
  }
  // The member function named by `&C::f`, or by either branch of `c ?
  // &C::f : &C::g`.
  auto Named = [&](const Expr *Arg, auto &Self) -> bool {
    Arg = stripForwarding(Arg);
    if (const auto *Cond = dyn_cast<ConditionalOperator>(Arg->IgnoreParens())) {
      bool Any = Self(Cond->getTrueExpr(), Self);
      return Self(Cond->getFalseExpr(), Self) || Any;
    }
    const auto *AddrOf = dyn_cast<UnaryOperator>(Arg->IgnoreParens());
    if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
      return false;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(AddrOf->getSubExpr()->IgnoreParens()))
      if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
        if (const FunctionDecl *Def = F->getDefinition(); Def && Def->hasBody()) {
          Out.push_back(Def);
          return true;
        }
    return false;
  };
  // bind_front_handler(&C::on_write, shared_from_this()), std::bind(...):
  // the member function named first.
  if (const auto *Call = dyn_cast<CallExpr>(stripForwarding(Handler)))
    for (const Expr *Arg : Call->arguments())
      if (Named(Arg, Named))
        break;
  return Out;
}

const FunctionDecl *handlerFunction(const Expr *Handler) {
  llvm::SmallVector<const FunctionDecl *, 2> All = handlerFunctions(Handler);
  return All.empty() ? nullptr : All.front();
}

const Stmt *handlerBody(const Expr *Handler) {
  const FunctionDecl *F = handlerFunction(Handler);
  return F ? F->getBody() : nullptr;
}

bool isPerMessageEntry(const CXXMethodDecl *M) {
  return M->getAccess() == AS_public && !M->isStatic() && M->getNumParams() > 0 &&
         !isa<CXXConstructorDecl, CXXDestructorDecl>(M) &&
         !M->isOverloadedOperator();
}

bool guardedByHandlerState(const Stmt *S, const Decl *Function, const Stmt *HandlerBody,
                           ASTContext &Ctx) {
  const Stmt *Body = Function->getBody();
  if (!Body)
    return false;
  FieldSet Guards;
  // Climb from S to the body: the conditions it runs under, and the early
  // returns before it.
  const Stmt *Child = S;
  for (unsigned Steps = 0; Child && Child != Body && Steps < 64; ++Steps) {
    ParentList Parents = parentsOf(*Child, Ctx);
    if (Parents.empty())
      break;
    const Stmt *Parent = Parents[0].get<Stmt>();
    if (!Parent || isa<LambdaExpr>(Parent))
      break;
    if (const auto *If = dyn_cast<IfStmt>(Parent); If && Child != If->getCond())
      ownFieldsIn(If->getCond(), Guards);
    else if (const auto *While = dyn_cast<WhileStmt>(Parent); While && Child != While->getCond())
      ownFieldsIn(While->getCond(), Guards);
    else if (const auto *Cond = dyn_cast<ConditionalOperator>(Parent);
             Cond && Child != Cond->getCond())
      ownFieldsIn(Cond->getCond(), Guards);
    else if (const auto *Block = dyn_cast<CompoundStmt>(Parent))
      for (const Stmt *Before : Block->body()) {
        if (Before == Child)
          break;
        if (const auto *If = dyn_cast<IfStmt>(Before);
            If && (containsReturn(If->getThen()) ||
                   (If->getElse() && containsReturn(If->getElse()))))
          ownFieldsIn(If->getCond(), Guards);
      }
    Child = Parent;
  }
  if (Guards.empty())
    return false;
  if (!HandlerBody)
    return true;
  FieldSet Used;
  handlerFields(HandlerBody, Used);
  return llvm::any_of(Guards, [&](const FieldDecl *F) { return Used.contains(F); });
}

} // namespace sessionlint
