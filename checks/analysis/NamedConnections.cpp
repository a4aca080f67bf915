#include "NamedConnections.h"
#include "Names.h"
#include "Walk.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace sessionlint {
namespace {

/// How a connection name is written: a literal, the default (no name), a
/// variable, or something computed.
struct NameKey {
  enum Kind { Default, Literal, Variable, Computed } What = Computed;
  std::string Text;
  const VarDecl *Var = nullptr;

  bool operator==(const NameKey &O) const {
    return What == O.What && Text == O.Text && Var == O.Var;
  }
};

NameKey keyOf(const Expr *Arg) {
  NameKey Key;
  if (!Arg || isa<CXXDefaultArgExpr>(Arg)) {
    Key.What = NameKey::Default;
    return Key;
  }
  // QString("reports"), QStringLiteral("reports"), QLatin1String(...): the
  // literal inside the conversions.
  const Expr *E = Arg;
  for (unsigned Steps = 0; Steps < 8; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() >= 1 &&
             !isa<CXXDefaultArgExpr>(Construct->getArg(0)))
      E = Construct->getArg(0);
    else
      break;
  }
  E = E->IgnoreParenImpCasts();
  if (const auto *Literal = dyn_cast<StringLiteral>(E)) {
    Key.What = NameKey::Literal;
    Key.Text = Literal->getString().str();
  } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E);
             Ref && isa<VarDecl>(Ref->getDecl())) {
    const auto *V = cast<VarDecl>(Ref->getDecl());
    // A constant initialised with a literal names that literal.
    if (V->getType().isConstQualified() && V->getInit()) {
      NameKey Init = keyOf(V->getInit());
      if (Init.What == NameKey::Literal)
        return Init;
    }
    Key.What = NameKey::Variable;
    Key.Var = V->getCanonicalDecl();
  }
  return Key;
}

bool isQSqlDatabaseStatic(const CallExpr *Call, llvm::StringRef Name) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
  return Method && Method->isStatic() && Method->getIdentifier() &&
         Method->getName() == Name && qualifiedName(Method->getParent()) == "QSqlDatabase";
}

/// The argument of Call that is the connection name: the parameter Qt
/// calls connectionName, else the first (Last: the last) QString one.
const Expr *nameArgument(const CallExpr *Call, bool Last) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const Expr *Found = nullptr;
  for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams(); ++I) {
    const ParmVarDecl *Param = Callee->getParamDecl(I);
    if (Param->getName() == "connectionName")
      return Call->getArg(I);
    const CXXRecordDecl *Record =
        Param->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (Record && Record->getName() == "QString" && (Last || !Found))
      Found = Call->getArg(I);
  }
  return Found;
}

/// The bodies a task runs, and the functions of this translation unit they
/// call, MaxDepth levels down.
class TaskBodies {
public:
  explicit TaskBodies(ASTContext &Ctx) : SM(Ctx.getSourceManager()) {}

  void addCallable(const Expr *Callable) {
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
    if (const CXXRecordDecl *Record = recordOf(E);
        Record && Record->hasDefinition())
      for (const CXXMethodDecl *M : Record->getDefinition()->methods())
        if (M->getOverloadedOperator() == OO_Call)
          addFunction(M, 0);
  }

  void addFunction(const FunctionDecl *F, unsigned Depth) {
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

  std::vector<const Stmt *> Bodies;

private:
  static constexpr unsigned MaxDepth = 3;
  const SourceManager &SM;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
};

std::string describe(const NameKey &Key) {
  switch (Key.What) {
  case NameKey::Default:
    return "the default connection";
  case NameKey::Literal:
    return "connection '" + Key.Text + "'";
  case NameKey::Variable:
    return "the connection named by '" + Key.Var->getNameAsString() + "'";
  case NameKey::Computed:
    break;
  }
  return "a connection looked up by name";
}

/// `m_db = ...`, `db = ...`: the object an assignment gives a new value.
const ValueDecl *assignedBy(const Stmt *S) {
  const Expr *LHS = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    LHS = Op->getArg(0);
  else if (const auto *Assign = dyn_cast<BinaryOperator>(S);
           Assign && Assign->getOpcode() == BO_Assign)
    LHS = Assign->getLHS();
  if (!LHS)
    return nullptr;
  LHS = LHS->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast<MemberExpr>(LHS))
    return Member->getMemberDecl();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(LHS))
    return Ref->getDecl();
  return nullptr;
}

} // namespace

TaskConnections connectionsOf(const SpawnSite &Site, ASTContext &Ctx) {
  TaskBodies Task(Ctx);
  for (const Expr *Callable : Site.Callables)
    Task.addCallable(Callable);
  if (Site.Entry)
    Task.addFunction(Site.Entry, 0);

  TaskConnections Out;
  std::vector<NameKey> Added;
  std::vector<std::pair<const Expr *, NameKey>> Lookups;
  for (const Stmt *Body : Task.Bodies)
    walk(Body, [&](const Stmt *S) {
      if (const auto *Call = dyn_cast<CallExpr>(S)) {
        // std::make_unique<QSqlQuery>() / make_shared: a QSqlQuery built
        // inside the library, on the default connection unless handed one.
        if (const FunctionDecl *Callee = Call->getDirectCallee();
            Callee && Callee->getIdentifier() &&
            (Callee->getName() == "make_unique" || Callee->getName() == "make_shared") &&
            Callee->getTemplateSpecializationArgs() &&
            Callee->getTemplateSpecializationArgs()->size() > 0 &&
            Callee->getTemplateSpecializationArgs()->get(0).getKind() ==
                TemplateArgument::Type) {
          const CXXRecordDecl *Built = Callee->getTemplateSpecializationArgs()
                                           ->get(0)
                                           .getAsType()
                                           ->getAsCXXRecordDecl();
          bool GivenDatabase = llvm::any_of(Call->arguments(), [](const Expr *Arg) {
            const CXXRecordDecl *R = recordOf(Arg);
            return R && R->getName() == "QSqlDatabase";
          });
          if (Built && qualifiedName(Built) == "QSqlQuery" && !GivenDatabase)
            Lookups.emplace_back(Call, NameKey{NameKey::Default, "", nullptr});
          return Step::Descend;
        }
        if (isQSqlDatabaseStatic(Call, "addDatabase") ||
            isQSqlDatabaseStatic(Call, "cloneDatabase"))
          // addDatabase(driver, name), cloneDatabase(other, name).
          Added.push_back(keyOf(nameArgument(Call, /*Last=*/true)));
        else if (isQSqlDatabaseStatic(Call, "database"))
          Lookups.emplace_back(Call, keyOf(nameArgument(Call, /*Last=*/false)));
      } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
        // QSqlQuery(query = QString(), db = QSqlDatabase()): the default
        // connection unless a database is given.
        const CXXConstructorDecl *Ctor = Construct->getConstructor();
        if (!Ctor || Ctor->isCopyOrMoveConstructor() ||
            qualifiedName(Ctor->getParent()) != "QSqlQuery")
          return Step::Descend;
        for (unsigned I = 0; I < Construct->getNumArgs() && I < Ctor->getNumParams(); ++I) {
          const CXXRecordDecl *Param =
              Ctor->getParamDecl(I)->getType().getNonReferenceType()->getAsCXXRecordDecl();
          if (Param && Param->getName() == "QSqlDatabase" &&
              isa<CXXDefaultArgExpr>(Construct->getArg(I)))
            Lookups.emplace_back(Construct, NameKey{NameKey::Default, "", nullptr});
        }
      }
      if (const ValueDecl *D = assignedBy(S))
        Out.Assigned.insert(D);
      return Step::Descend;
    });

  bool AddsComputed = llvm::any_of(Added, [](const NameKey &K) {
    return K.What == NameKey::Variable || K.What == NameKey::Computed;
  });
  for (const auto &[Lookup, Key] : Lookups) {
    bool Own = llvm::is_contained(Added, Key) ||
               ((Key.What == NameKey::Variable || Key.What == NameKey::Computed) &&
                AddsComputed);
    if (Own)
      continue;
    SourceLocation At = Lookup->getExprLoc();
    if (const auto *Call = dyn_cast<CallExpr>(Lookup))
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
        At = Ref->getNameInfo().getLoc();
    Out.Foreign.push_back({Lookup, At, describe(Key)});
  }
  return Out;
}

} // namespace sessionlint
