#include "TaskOrdering.h"
#include "Parents.h"
#include "Walk.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace sessionlint {
namespace {

/// Finds `for (auto &t : workers) t.join();` loops.
class JoiningLoopFinder : public RecursiveASTVisitor<JoiningLoopFinder> {
public:
  JoiningLoopFinder(
      JoinFinder &Joins,
      llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Stmt *, 1>> &Out)
      : Joins(Joins), Out(Out) {}

  bool VisitCXXForRangeStmt(CXXForRangeStmt *Loop) {
    const VarDecl *Container = namedVar(Loop->getRangeInit());
    if (Container && Loop->getRangeStmt() && Joins.loopJoinsElements(Loop))
      Out[Container].push_back(Loop->getRangeStmt());
    return true;
  }
  // `while (!done) cv.wait(lk);`: the loop is left only once the flag is
  // set, waited for or not; its condition is where it ends.
  bool VisitWhileStmt(WhileStmt *Loop) {
    const Stmt *Body = Loop->getBody();
    if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Body))
      Body = Block->size() == 1 ? Block->body_front() : nullptr;
    const auto *Wait = dyn_cast_or_null<CXXMemberCallExpr>(Body);
    const CXXMethodDecl *M = Wait ? Wait->getMethodDecl() : nullptr;
    if (!M || !M->getIdentifier() || !M->getName().starts_with("wait") ||
        !isConditionVariableName(qualifiedName(M->getParent())) || !Loop->getCond())
      return true;
    if (const VarDecl *Cv = namedVar(Wait->getImplicitObjectArgument()))
      Out[Cv].push_back(Loop->getCond());
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

private:
  JoinFinder &Joins;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Stmt *, 1>> &Out;
};

class ErrorFinder : public RecursiveASTVisitor<ErrorFinder> {
public:
  bool Found = false;
  bool VisitRecoveryExpr(RecoveryExpr *) {
    Found = true;
    return false;
  }
};

void collectDescendants(const Stmt *Root, llvm::SmallPtrSetImpl<const Stmt *> &Out) {
  llvm::SmallVector<const Stmt *, 4> Extra{Root};
  while (!Extra.empty())
    walk(Extra.pop_back_val(), [&](const Stmt *S) {
      if (!Out.insert(S).second)
        return Step::Skip;
      // A captured statement's children are its capture initialisers, not
      // its body; an OpenMP directive's clauses (`shared(db)`) are not
      // children.
      if (const auto *Captured = dyn_cast<CapturedStmt>(S))
        Extra.push_back(Captured->getCapturedStmt());
      if (const auto *Directive = dyn_cast<OMPExecutableDirective>(S))
        for (const OMPClause *Clause : Directive->clauses())
          for (const Stmt *Child : Clause->children())
            Extra.push_back(Child);
      return Step::Descend;
    });
}

} // namespace

std::unique_ptr<FunctionOrdering>
FunctionOrdering::build(const Decl *Function, ASTContext &Ctx,
                        JoinFinder &Joins) {
  if (!Function || Function->isInvalidDecl())
    return nullptr;
  Stmt *Body = Function->getBody();
  if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  if (!Body)
    return nullptr;
  // clangd runs us on half-typed code: a body with recovery nodes is not
  // worth a guess.
  ErrorFinder Errors;
  Errors.TraverseStmt(Body);
  if (Errors.Found)
    return nullptr;

  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  // A call inside `try` may throw into a handler that uses the session.
  Options.AddEHEdges = true;
  Options.AddInitializers = false;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(Function, Body, &Ctx, Options);
  if (!Graph)
    return nullptr;
  return std::unique_ptr<FunctionOrdering>(
      new FunctionOrdering(std::move(Graph), Body, Ctx, Joins));
}

FunctionOrdering::FunctionOrdering(std::unique_ptr<CFG> TheGraph,
                                   const Stmt *Body, ASTContext &Ctx,
                                   JoinFinder &Joins)
    : Graph(std::move(TheGraph)), Ctx(Ctx), Joins(Joins), Body(Body) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const CFGBlock *Block : *Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      if (auto S = Element.getAs<CFGStmt>()) {
        Positions.try_emplace(S->getStmt(), Position{Block, Index});
        recordDetach(S->getStmt(), SM);
      }
      ++Index;
    }
  }
  JoiningLoopFinder Finder(Joins, JoiningLoops);
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
}

std::optional<FunctionOrdering::Position>
FunctionOrdering::positionOf(const Stmt *S) const {
  // Not every node is a CFG element (e.g. wrappers folded by the builder):
  // the innermost enclosing element stands for it.
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    if (const auto *Current = Node.get<Stmt>()) {
      auto It = Positions.find(Current);
      if (It != Positions.end())
        return It->second;
    }
    ParentList Parents = parentsOf(Node, Ctx);
    // A VarDecl's parent is its DeclStmt: keep climbing through decls, but
    // never out of the function.
    if (Parents.empty() || Parents[0].get<FunctionDecl>() ||
        Parents[0].get<LambdaExpr>())
      return std::nullopt;
    Node = Parents[0];
  }
}

bool FunctionOrdering::isJoin(const CFGElement &Element,
                              const SpawnSite &Site) const {
  if (Site.Joins == JoinKind::Taskwait)
    if (auto S = Element.getAs<CFGStmt>())
      return isa<OMPTaskwaitDirective>(S->getStmt());
  auto EndsLoopJoining = [&](const VarDecl *V, const Stmt *Node) {
    auto Loops = JoiningLoops.find(V);
    return Loops != JoiningLoops.end() && llvm::is_contained(Loops->second, Node);
  };
  if (Site.DoneFuture)
    if (auto S = Element.getAs<CFGStmt>();
        S && (Joins.isJoinOf(S->getStmt(), Site.DoneFuture) ||
              EndsLoopJoining(Site.DoneFuture, S->getStmt())))
      return true;
  if (!Site.Handle || Site.Joins == JoinKind::Never)
    return false;
  if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>())
    return Site.Joins == JoinKind::AtScopeEnd &&
           Dtor->getVarDecl() == Site.Handle;
  auto S = Element.getAs<CFGStmt>();
  if (!S)
    return false;
  const Stmt *Node = S->getStmt();
  if (Joins.isJoinOf(Node, Site.Handle, Site.HandleField))
    return true;
  if (const auto *Await = dyn_cast<CoawaitExpr>(Node))
    return designatesHandle(Await->getOperand(), Site.Handle, Site.HandleField);
  return EndsLoopJoining(Site.Handle, Node);
}

void FunctionOrdering::recordDetach(const Stmt *S, const SourceManager &SM) {
  // `t.detach()`, `pthread_detach(tid)`, a helper that detaches.
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call)
    return;
  const VarDecl *Handle = Joins.detachedBy(S);
  if (!Handle)
    return;
  const Expr *Where = Call->getCallee();
  // The first in source order, whatever order the CFG lists blocks in.
  const Expr *&First = Detaches[Handle];
  if (!First || SM.isBeforeInTranslationUnit(Call->getBeginLoc(),
                                             First->getBeginLoc()))
    First = Where;
}

const Expr *FunctionOrdering::findDetach(const VarDecl *Handle) const {
  return Handle ? Detaches.lookup(Handle) : nullptr;
}

namespace {

/// For a block that ends in `if (t.try_join_for(d))`, `if
/// (!t.try_join_until(tp))`, `if (f.wait_for(d) == std::future_status::ready)`
/// and the like on Handle: the successor (0 true, 1 false) on which the
/// task is known to be finished. `if (t.joinable())` and `if (f.valid())`
/// count too: on their false branch the handle holds no running task (a
/// detached one is judged as an escape, not here), which is how `if
/// (t.joinable()) t.join();` joins a thread started on only some paths.
std::optional<unsigned> timedJoinSuccessor(const CFGBlock &Block,
                                           const VarDecl *Handle,
                                           const FieldDecl *Field) {
  if (!Handle || Block.succ_size() != 2)
    return std::nullopt;
  const Expr *Cond = dyn_cast_or_null<Expr>(Block.getTerminatorCondition());
  if (!Cond)
    return std::nullopt;
  bool Negated = false;
  Cond = Cond->IgnoreParenImpCasts();
  while (const auto *Not = dyn_cast<UnaryOperator>(Cond)) {
    if (Not->getOpcode() != UO_LNot)
      return std::nullopt;
    Negated = !Negated;
    Cond = Not->getSubExpr()->IgnoreParenImpCasts();
  }
  auto IsCallOn = [&](const Expr *E, std::initializer_list<llvm::StringRef> Names) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(E->IgnoreParenImpCasts());
    return Call && Call->getMethodDecl() && Call->getMethodDecl()->getIdentifier() &&
           llvm::is_contained(Names, Call->getMethodDecl()->getName()) &&
           designatesHandle(Call->getImplicitObjectArgument(), Handle, Field);
  };
  // A boolean timed join: true when the thread finished.
  if (IsCallOn(Cond, {"try_join_for", "try_join_until", "timed_join"}))
    return Negated ? 1u : 0u;
  // Whether the handle still holds a task: false when it holds none.
  if (IsCallOn(Cond, {"joinable", "valid"}))
    return Negated ? 0u : 1u;
  // A future's status compared with ready.
  const Expr *L = nullptr, *R = nullptr;
  bool Equal = true;
  if (const auto *Op = dyn_cast<BinaryOperator>(Cond);
      Op && (Op->getOpcode() == BO_EQ || Op->getOpcode() == BO_NE)) {
    L = Op->getLHS();
    R = Op->getRHS();
    Equal = Op->getOpcode() == BO_EQ;
  } else if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(Cond);
             Call && Call->getNumArgs() == 2 &&
             (Call->getOperator() == OO_EqualEqual ||
              Call->getOperator() == OO_ExclaimEqual)) {
    L = Call->getArg(0);
    R = Call->getArg(1);
    Equal = Call->getOperator() == OO_EqualEqual;
  }
  if (!L || !R)
    return std::nullopt;
  if (!IsCallOn(L, {"wait_for", "wait_until"}))
    std::swap(L, R);
  const auto *Status = dyn_cast<DeclRefExpr>(R->IgnoreParenImpCasts());
  if (!IsCallOn(L, {"wait_for", "wait_until"}) || !Status ||
      Status->getDecl()->getName() != "ready")
    return std::nullopt;
  return (Equal != Negated) ? 0u : 1u;
}

/// Whether S releases Gate: a latch's count_down, a semaphore's release,
/// a condition variable's notify, a promise's set_value, a barrier's
/// arrival.
bool opensGate(const Stmt *S, const VarDecl *Gate) {
  if (!Gate)
    return false;
  return !walk(S, [&](const Stmt *Node) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(Node);
    const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
    if (M && M->getIdentifier() && namedVar(Call->getImplicitObjectArgument()) == Gate &&
        llvm::is_contained({llvm::StringRef("count_down"), llvm::StringRef("release"),
                            llvm::StringRef("notify_one"), llvm::StringRef("notify_all"),
                            llvm::StringRef("set_value"), llvm::StringRef("arrive"),
                            llvm::StringRef("arrive_and_wait"),
                            llvm::StringRef("arrive_and_drop")},
                           M->getName()))
      return Step::Stop;
    return Step::Descend;
  });
}

} // namespace

void FunctionOrdering::forEachAfter(const SpawnSite &Site,
                                    llvm::function_ref<bool(const Stmt *)> Visit,
                                    llvm::ArrayRef<const Stmt *> AlwaysVisit) const {
  if (Site.Joins == JoinKind::Blocking)
    return;
  std::optional<Position> Start = positionOf(Site.Call);
  if (!Start)
    return;
  llvm::SmallPtrSet<const Stmt *, 32> InsideSpawn;
  collectDescendants(Site.Call, InsideSpawn);
  InsideSpawn.erase(Site.Call);
  // A task that first waits for a gate this function opens does nothing
  // before it is opened: on each path, what comes before the opening is
  // not beside the task (but the spawn itself, run again, still is).
  struct Item {
    Position At;
    bool Open;
  };
  llvm::SmallPtrSet<const CFGBlock *, 32> Visited, VisitedOpen;
  llvm::SmallVector<Item, 16> Work{{{Start->Block, Start->Index + 1}, !Site.StartGate}};
  // An exception out of the spawn or launch itself means it started
  // nothing (std::thread's constructor, an initiating function): the edge
  // from its block to the catch handlers is not "after" it, unless
  // something else in that block may throw.
  bool SkipThrowFromStart = true;
  for (unsigned I = Start->Index + 1; I < Start->Block->size(); ++I)
    if (auto S = (*Start->Block)[I].getAs<CFGStmt>())
      if (isa<CallExpr, CXXConstructExpr, CXXNewExpr, CXXThrowExpr>(S->getStmt()) &&
          !S->getStmt()->getSourceRange().fullyContains(Site.Call->getSourceRange()))
        SkipThrowFromStart = false;
  while (!Work.empty()) {
    auto [P, Open] = Work.pop_back_val();
    bool PathEnded = false;
    for (unsigned I = P.Index; I < P.Block->size() && !PathEnded; ++I) {
      const CFGElement &Element = (*P.Block)[I];
      if (isJoin(Element, Site)) {
        PathEnded = true;
        break;
      }
      auto S = Element.getAs<CFGStmt>();
      if (!S || InsideSpawn.contains(S->getStmt()))
        continue;
      if (!Open && opensGate(S->getStmt(), Site.StartGate))
        Open = true;
      if (Open || S->getStmt() == Site.Call || llvm::is_contained(AlwaysVisit, S->getStmt()))
        PathEnded = Visit(S->getStmt());
    }
    if (PathEnded)
      continue;
    // A timed join that succeeded ends the task on that branch only.
    std::optional<unsigned> Joined = timedJoinSuccessor(*P.Block, Site.Handle, Site.HandleField);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : P.Block->succs()) {
      const CFGBlock *Next = Succ.getReachableBlock();
      if (Joined && Index++ == *Joined)
        continue;
      if (SkipThrowFromStart && P.Block == Start->Block && Next &&
          isa_and_nonnull<CXXTryStmt>(Next->getTerminatorStmt()))
        continue;
      if (Next && (Open ? VisitedOpen : Visited).insert(Next).second)
        Work.push_back({{Next, 0}, Open});
    }
  }
}

} // namespace sessionlint
