#include "NamedConnections.h"
#include "Names.h"
#include "TaskBodies.h"
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
  Task.addSite(Site);

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
