#include "HandlerChains.h"
#include "Names.h"
#include "Parents.h"
#include "SpawnSites.h"
#include "StartGuards.h"
#include "Walk.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace sessionlint {
namespace {

/// Beyond this many operations and entry points in one translation unit
/// the rule stays silent rather than grow quadratically.
constexpr size_t MaxSources = 600;

/// The class whose member function F is, through the lambdas it is in.
const CXXRecordDecl *owningClass(const Decl *F, ASTContext &Ctx) {
  for (unsigned Depth = 0; F && Depth < 8; ++Depth) {
    const LambdaExpr *L = lambdaFor(F, Ctx);
    if (!L) {
      const auto *M = dyn_cast<CXXMethodDecl>(F);
      return M ? M->getParent() : nullptr;
    }
    F = enclosingFunction(L, Ctx);
  }
  return nullptr;
}

bool isMemberOf(const CXXMethodDecl *M, const CXXRecordDecl *Class) {
  const CXXRecordDecl *Parent = M->getParent();
  if (!Class || !Parent)
    return false;
  if (Parent->getCanonicalDecl() == Class->getCanonicalDecl())
    return true;
  return Class->hasDefinition() && Class->isDerivedFrom(Parent);
}

} // namespace

const CallExpr *postingCall(const LambdaExpr *Lambda, ASTContext &Ctx) {
  // The call the lambda is handed to, through forwarding nodes.
  const Stmt *Cur = Lambda;
  const CallExpr *User = nullptr;
  for (unsigned Up = 0; Up < 6 && !User; ++Up) {
    ParentList Parents = parentsOf(*Cur, Ctx);
    if (Parents.empty() || !Parents[0].get<Stmt>())
      break;
    Cur = Parents[0].get<Stmt>();
    User = dyn_cast<CallExpr>(Cur);
  }
  const FunctionDecl *Callee = User ? User->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier())
    return nullptr;
  llvm::StringRef Name = Callee->getName();
  return isPostName(Name) ? User : nullptr;
}

const LambdaExpr *lambdaFor(const Decl *Function, ASTContext &Ctx) {
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(Function);
  if (!M || !M->getParent()->isLambda())
    return nullptr;
  for (const DynTypedNode &Parent : parentsOf(*M->getParent(), Ctx))
    if (const auto *L = Parent.get<LambdaExpr>())
      return L;
  return nullptr;
}

HandlerChains::HandlerChains(std::vector<ChainStart> StartList, ASTContext &Ctx,
                             llvm::function_ref<bool(const CXXMethodDecl *)> IsEntry)
    : Ctx(Ctx), Starts(std::move(StartList)) {
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Classes;
  for (const ChainStart &S : Starts) {
    // What the start runs in: its function, or the lambda posted from it;
    // a completion handler's lambda is its own body (reached from the
    // operation whose handler it is).
    Container.push_back(S.Function->getBody());
    Class.push_back(owningClass(S.Function, Ctx));
    if (Class.back())
      Classes.insert(Class.back()->getCanonicalDecl());
  }
  for (const CXXRecordDecl *C : Classes) {
    const auto *Def = C->getDefinition();
    if (!Def)
      continue;
    for (const CXXMethodDecl *M : Def->methods())
      if (IsEntry(M))
        if (const FunctionDecl *Body = M->getDefinition(); Body && Body->hasBody())
          Entries.push_back(cast<CXXMethodDecl>(Body));
  }
  if (Starts.size() + Entries.size() > MaxSources) {
    // Too many to relate: no chains, no feeds.
    Component.assign(Starts.size() + Entries.size(), 0);
    Readable.assign(Starts.size(), false);
    Repeats.assign(1, false);
    ReachesAll.assign(1, false);
    Components = 1;
    return;
  }
  for (unsigned I = 0; I < Starts.size(); ++I) {
    llvm::SmallVector<const FunctionDecl *, 2> Handlers = handlerFunctions(Starts[I].Handler);
    Readable.push_back(!Handlers.empty());
    for (const FunctionDecl *H : Handlers)
      addEdgesFrom(I, H, Class[I]);
  }
  for (unsigned E = 0; E < Entries.size(); ++E)
    addEdgesFrom(Starts.size() + E, Entries[E], Entries[E]->getParent());
  computeComponents();
}

void HandlerChains::addEdgesFrom(unsigned Source, const Decl *Function,
                                 const CXXRecordDecl *Of) {
  struct Item {
    const Stmt *Body;
    const Decl *Function;
    llvm::SmallVector<Hop, 3> Hops;
    unsigned Depth;
  };
  llvm::SmallVector<Item, 8> Work;
  llvm::SmallPtrSet<const Stmt *, 8> Seen;
  if (const Stmt *Body = Function->getBody()) {
    Work.push_back({Body, Function, {}, 0});
    Seen.insert(Body);
  }
  while (!Work.empty()) {
    Item Cur = Work.pop_back_val();
    for (unsigned Y = 0; Y < Starts.size(); ++Y)
      if (Container[Y] == Cur.Body) {
        Edge E{Source, Y, Cur.Hops};
        E.Hops.push_back({Starts[Y].Call, Starts[Y].Function});
        Edges.push_back(std::move(E));
      }
    walk(Cur.Body, [&](const Stmt *S) {
      if (const auto *L = dyn_cast<LambdaExpr>(S)) {
        // A posted lambda runs on this turn too; any other lambda is a
        // completion handler (or a task), reached from its own operation.
        if (postingCall(L, Ctx) && Seen.insert(L->getBody()).second)
          Work.push_back({L->getBody(), L->getCallOperator(), Cur.Hops, Cur.Depth});
        return Step::Skip;
      }
      const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
      if (!Call || Cur.Depth >= 3)
        return Step::Descend;
      const CXXMethodDecl *M = Call->getMethodDecl();
      if (!M || !isMemberOf(M, Of))
        return Step::Descend;
      const FunctionDecl *Def = M->getDefinition();
      if (!Def || !Def->hasBody() || !Seen.insert(Def->getBody()).second)
        return Step::Descend;
      Item Next{Def->getBody(), Def, Cur.Hops, Cur.Depth + 1};
      Next.Hops.push_back({Call, Cur.Function});
      Work.push_back(std::move(Next));
      return Step::Descend;
    });
  }
}

void HandlerChains::computeComponents() {
  size_t N = Starts.size() + Entries.size();
  std::vector<llvm::SmallVector<unsigned, 4>> Out(N);
  std::vector<bool> SelfEdge(N, false);
  for (const Edge &E : Edges) {
    Out[E.From].push_back(E.To);
    if (E.From == E.To)
      SelfEdge[E.From] = true;
  }
  // Reachability by a search from each source: the graphs of one
  // translation unit are small.
  std::vector<bool> Reach(N * N, false);
  for (unsigned I = 0; I < N; ++I) {
    llvm::SmallVector<unsigned, 16> Work{I};
    Reach[I * N + I] = true;
    while (!Work.empty()) {
      unsigned U = Work.pop_back_val();
      for (unsigned V : Out[U])
        if (!Reach[I * N + V]) {
          Reach[I * N + V] = true;
          Work.push_back(V);
        }
    }
  }
  Component.assign(N, ~0u);
  std::vector<unsigned> Representative;
  for (unsigned I = 0; I < N; ++I) {
    if (Component[I] != ~0u)
      continue;
    unsigned C = Components++;
    Representative.push_back(I);
    bool Cycle = SelfEdge[I] || I >= Starts.size(); // an entry repeats
    for (unsigned J = I; J < N; ++J)
      if (Component[J] == ~0u && Reach[I * N + J] && Reach[J * N + I]) {
        Component[J] = C;
        Cycle = Cycle || J != I || SelfEdge[J];
      }
    Repeats.push_back(Cycle);
  }
  ReachesAll.assign(Components * Components, false);
  for (unsigned C = 0; C < Components; ++C)
    for (unsigned D = 0; D < Components; ++D)
      ReachesAll[C * Components + D] = Reach[Representative[C] * N + Representative[D]];
}

llvm::SmallVector<HandlerChains::Feed, 2>
HandlerChains::feedsOf(unsigned X, llvm::function_ref<bool(llvm::ArrayRef<Hop>)> Keep) const {
  llvm::SmallVector<Feed, 2> Feeds;
  if (Edges.empty())
    return Feeds;
  for (const Edge &E : Edges) {
    if (E.To != X)
      continue;
    unsigned From = Component[E.From];
    // An edge inside X's component is X's own chain turning; what reaches
    // the chain from outside enters through an edge of its own.
    bool Inside = From == Component[X];
    if (!Inside && !Keep(E.Hops))
      continue;
    for (unsigned C = 0; C < Components; ++C)
      if (Repeats[C] && (Inside ? C == From : ReachesAll[C * Components + From]) &&
          llvm::none_of(Feeds, [&](const Feed &F) { return F.Component == C; }))
        Feeds.push_back({C, E.From, E.From >= Starts.size(), E.Hops});
  }
  return Feeds;
}

} // namespace sessionlint
