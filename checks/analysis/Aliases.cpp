#include "Aliases.h"
#include "SpawnSites.h"
#include "TaskReach.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace sessionlint {
namespace {

/// The session an initializer or assigned value refers to: `db`, `&db`,
/// `*p`, `other_ptr`, and for an object built on a session, the session it
/// is built on (`pqxx::work tx(db)`, `client["db"]["users"]`).
std::optional<SessionRef> boundSession(const Expr *Init, bool BuiltOn) {
  if (!Init || isStdMove(Init))
    return std::nullopt;
  const Expr *E = stripForwarding(Init);
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(E);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    return namedSession(AddrOf->getSubExpr());
  if (std::optional<SessionRef> Direct = namedSession(E))
    return Direct;
  if (!BuiltOn)
    return std::nullopt;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    for (const Expr *Arg : Construct->arguments())
      if (std::optional<SessionRef> Ref = boundSession(Arg, false))
        return Ref;
    return std::nullopt;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    return boundSession(Member->getImplicitObjectArgument(), true);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() > 0)
    return boundSession(Op->getArg(0), true);
  return std::nullopt;
}

class BindingFinder : public RecursiveASTVisitor<BindingFinder> {
public:
  BindingFinder(SessionAliases &Out, SessionTypeClassifier &Types)
      : Out(Out), Types(Types) {}

  bool VisitVarDecl(VarDecl *Var) {
    if (!Var->hasInit() || isa<ParmVarDecl>(Var))
      return true;
    SessionType Type = Types.classify(Var->getType());
    if (!Type.isUnsafe())
      return true;
    // A session-typed variable built on another session shares its world; a
    // plain copy shares only when copying copies a handle.
    bool Binds = Var->getType()->isReferenceType() || Type.CopyShares;
    if (std::optional<SessionRef> Target =
            boundSession(Var->getInit(), /*BuiltOn=*/true))
      if ((Binds || !namedSession(Var->getInit())) && isSession(*Target))
        Out.bind(Var, Target->Decl);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *Assign) {
    if (Assign->getOpcode() != BO_Assign ||
        !Assign->getLHS()->getType()->isPointerType())
      return true;
    if (const VarDecl *Pointer = namedVar(Assign->getLHS()))
      if (Types.classify(Pointer->getType()).isUnsafe())
        if (std::optional<SessionRef> Target =
                boundSession(Assign->getRHS(), false);
            Target && isSession(*Target))
          Out.bind(Pointer, Target->Decl);
    return true;
  }

  bool shouldVisitTemplateInstantiations() const { return true; }

private:
  /// A session leased from a pool is its own session, not the pool's.
  bool isSession(const SessionRef &Ref) {
    return Types.classify(Ref.Decl->getType()).isUnsafe();
  }

  SessionAliases &Out;
  SessionTypeClassifier &Types;
};

} // namespace

SessionAliases::SessionAliases(const Stmt *Body, SessionTypeClassifier &Types) {
  if (!Body)
    return;
  BindingFinder Finder(*this, Types);
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
}

const ValueDecl *SessionAliases::root(const ValueDecl *D) const {
  auto It = Parent.find(D);
  if (It == Parent.end() || It->second == D)
    return D;
  const ValueDecl *Root = root(It->second);
  It = Parent.find(D); // root() may have grown the map.
  It->second = Root;
  return Root;
}

void SessionAliases::bind(const ValueDecl *Alias, const ValueDecl *Target) {
  const ValueDecl *A = root(Alias), *B = root(Target);
  if (A != B)
    Parent[A] = B;
}

bool SessionAliases::names(const Stmt *S, const ValueDecl *Of) const {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return same(Ref->getDecl(), Of);
  const auto *Member = dyn_cast<MemberExpr>(S);
  return Member && isa<FieldDecl>(Member->getMemberDecl()) &&
         isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()) &&
         same(Member->getMemberDecl(), Of);
}

} // namespace sessionlint
