#include "Submissions.h"
#include "Parents.h"
#include "Names.h"
#include "TaskBodies.h"
#include "Walk.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace sessionlint {
namespace {

/// Whether a value of type T may be a job: a lambda, a function object, a
/// type-erased callable, a function pointer or reference.
bool mayHoldJob(QualType T) {
  T = T.getNonReferenceType();
  if (T->isFunctionPointerType() || T->isFunctionType())
    return true;
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  if (Record->isLambda() || isCallableWrapper(T))
    return true;
  for (const CXXMethodDecl *M : Record->getDefinition()->methods())
    if (M->getOverloadedOperator() == OO_Call)
      return true;
  return false;
}

/// The data member of `this` (the first under `this`: `impl_` of
/// `this->impl_->queue`) or the global that E stores into.
const ValueDecl *queueOf(const Expr *E) {
  for (unsigned Hop = 0; E && Hop < 8; ++Hop) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Base))
        return isa<FieldDecl>(Member->getMemberDecl()) ? Member->getMemberDecl() : nullptr;
      if (const auto *V = dyn_cast<VarDecl>(Member->getMemberDecl());
          V && V->hasGlobalStorage())
        return V; // A static data member.
      E = Base;
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
      return V && V->hasGlobalStorage() ? V : nullptr;
    }
    // `queues_[i]`, `impl_->q`, `*slot_`.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E); Op && Op->getNumArgs() > 0) {
      E = Op->getArg(0);
      continue;
    }
    if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
      E = Sub->getBase();
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E); Unary && Unary->getOpcode() == UO_Deref) {
      E = Unary->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

bool mentions(const Stmt *S, const llvm::SmallPtrSetImpl<const Decl *> &Decls) {
  return !walk(S, [&](const Stmt *Node) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Node);
        Ref && Decls.contains(Ref->getDecl()->getCanonicalDecl()))
      return Step::Stop;
    return Step::Descend;
  });
}

/// A call of a job: `task()` on a std::function or packaged_task (also
/// through a pointer: `(*task)()`), a call through a function pointer,
/// std::invoke.
bool callsJob(const Stmt *S) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getOperator() != OO_Call || Op->getNumArgs() == 0)
      return false;
    QualType T = Op->getArg(0)->getType();
    return isCallableWrapper(T);
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return qualifiedName(Callee) == "std::invoke";
    return !isa<CXXMemberCallExpr>(Call) && Call->getCallee() &&
           Call->getCallee()->getType()->isFunctionPointerType();
  }
  return false;
}

bool returnsFuture(const FunctionDecl *F) {
  const CXXRecordDecl *Record = F->getReturnType()->getAsCXXRecordDecl();
  if (!Record)
    return false;
  std::string Name = qualifiedName(Record);
  return Name == "std::future" || Name == "std::shared_future" ||
         Name == "boost::future" || Name == "boost::unique_future" ||
         Name == "boost::shared_future" || Name == "QFuture";
}

/// The parameters besides Callable handed to the job with it: the other
/// arguments of the innermost call or construction that takes the job's
/// value as an argument (`std::bind(f, args...)`).
llvm::SmallVector<int, 2> jobArguments(const FunctionDecl *F, const ParmVarDecl *Callable) {
  llvm::SmallVector<int, 2> Out;
  walk(F->getBody(), [&](const Stmt *S) {
    llvm::SmallVector<const Expr *, 4> Args;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      Args.append(Call->arg_begin(), Call->arg_end());
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
      Args.append(Construct->arg_begin(), Construct->arg_end());
    else
      return Step::Descend;
    auto First = llvm::find_if(Args, [&](const Expr *Arg) {
      const VarDecl *V = namedVar(Arg);
      return V && V->getCanonicalDecl() == Callable->getCanonicalDecl();
    });
    if (First == Args.end() || Args.size() < 2)
      return Step::Descend;
    for (auto It = std::next(First); It != Args.end(); ++It)
      Out.push_back(parameterIndex(*It, F));
    return Step::Stop;
  });
  return Out;
}

} // namespace

SubmissionFinder::SubmissionFinder(ASTContext &Ctx,
                                   const llvm::DenseMap<const Stmt *, SpawnSite> &Spawns)
    : Ctx(Ctx), Spawns(Spawns) {}

SubmissionFinder::~SubmissionFinder() = default;

bool SubmissionFinder::takesCallable(const FunctionDecl *F) {
  return llvm::any_of(F->parameters(), [](const ParmVarDecl *P) {
    return !P->getType()->isDependentType() && mayHoldJob(P->getType());
  });
}

const SubmissionFinder::SiteFacts &SubmissionFinder::factsOf(const SpawnSite &Site) {
  std::unique_ptr<SiteFacts> &Slot = Facts[Site.Call];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<SiteFacts>();
  TaskBodies Bodies(Ctx);
  Bodies.addSite(Site);
  for (const Stmt *Body : Bodies.Bodies)
    walk(Body, [&](const Stmt *S) {
      if (const auto *Member = dyn_cast<MemberExpr>(S))
        Slot->Names.insert(Member->getMemberDecl());
      else if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()); V && V->hasGlobalStorage())
          Slot->Names.insert(V);
      if (callsJob(S))
        Slot->RunsJobs = true;
      return Step::Descend;
    });
  return *Slot;
}

bool SubmissionFinder::inLoop(const Stmt *S) {
  DynTypedNode Node = DynTypedNode::create(*S);
  for (unsigned Hop = 0; Hop < 64; ++Hop) {
    ParentList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return false;
    Node = Parents[0];
    if (Node.get<Decl>())
      return false; // The function (or lambda) ends here.
    if (const Stmt *P = Node.get<Stmt>();
        P && isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      return true;
  }
  return false;
}

SubmissionFinder::Consumers SubmissionFinder::consumersOf(const ValueDecl *Queue) {
  auto [It, Inserted] = ConsumersOf.try_emplace(Queue);
  if (!Inserted)
    return It->second;
  unsigned Count = 0;
  bool Single = true;
  for (const auto &[Call, Site] : Spawns) {
    const SiteFacts &F = factsOf(Site);
    if (!F.RunsJobs || !F.Names.contains(Queue))
      continue;
    ++Count;
    Single = Single && !Site.SelfOverlapping && Site.Callables.size() <= 1 && !inLoop(Call);
  }
  Consumers C;
  C.Found = Count > 0;
  C.Serial = Count == 1 && Single;
  ConsumersOf[Queue] = C;
  return C;
}

llvm::ArrayRef<Submission> SubmissionFinder::of(const FunctionDecl *F) {
  auto [It, Inserted] = Done.try_emplace(F);
  if (!Inserted || !F->getBody() || !takesCallable(F))
    return It->second;
  std::vector<Submission> Out;
  for (const ParmVarDecl *Param : F->parameters()) {
    if (Param->getType()->isDependentType() || !mayHoldJob(Param->getType()))
      continue;
    // What is built from the parameter: locals initialised from it, from
    // those, and so on (`auto task = make_shared<packaged_task<R()>>(
    // bind(forward<F>(f), args...))`).
    llvm::SmallPtrSet<const Decl *, 8> Derived{Param->getCanonicalDecl()};
    for (bool Grew = true; Grew;) {
      Grew = false;
      walk(F->getBody(), [&](const Stmt *S) {
        if (const auto *V = dyn_cast<DeclStmt>(S))
          for (const Decl *D : V->decls())
            if (const auto *Var = dyn_cast<VarDecl>(D);
                Var && Var->getInit() && !Derived.contains(Var->getCanonicalDecl()) &&
                mentions(Var->getInit(), Derived)) {
              Derived.insert(Var->getCanonicalDecl());
              Grew = true;
            }
        return Step::Descend;
      });
    }
    walk(F->getBody(), [&](const Stmt *S) {
      const ValueDecl *Queue = nullptr;
      const Stmt *Value = nullptr;
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
        Queue = queueOf(Member->getImplicitObjectArgument());
        if (Queue && llvm::any_of(Member->arguments(), [&](const Expr *Arg) {
              return mentions(Arg, Derived);
            }))
          Value = Member;
      } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
                 Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
        Queue = queueOf(Op->getArg(0));
        if (Queue && mentions(Op->getArg(1), Derived))
          Value = Op;
      } else if (const auto *Assign = dyn_cast<BinaryOperator>(S);
                 Assign && Assign->getOpcode() == BO_Assign) {
        Queue = queueOf(Assign->getLHS());
        if (Queue && mentions(Assign->getRHS(), Derived))
          Value = Assign;
      }
      if (!Value)
        return Step::Descend;
      Consumers C = consumersOf(Queue);
      if (!C.Found)
        return Step::Descend;
      Submission Sub;
      Sub.Callable = Param->getFunctionScopeIndex();
      Sub.Arguments = jobArguments(F, Param);
      Sub.Store = Value;
      Sub.Queue = Queue;
      Sub.Serial = C.Serial;
      Sub.ReturnsFuture = returnsFuture(F);
      Out.push_back(std::move(Sub));
      return Step::Stop;
    });
  }
  Done[F] = std::move(Out);
  return Done[F];
}

} // namespace sessionlint
