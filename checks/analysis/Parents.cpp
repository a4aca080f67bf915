#include "Parents.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PointerUnion.h"
#include "llvm/ADT/SmallVector.h"
#include <deque>
#include <memory>
#include <mutex>

using namespace clang;

namespace sessionlint {
namespace {

/// Keyed by statements and declarations only: the analysis climbs through
/// nothing else, and both have pointer identity. A user file holds about
/// one entry per twelve bytes of source, so an entry is one pointer: the
/// one parent when it is a statement or a declaration (nearly always),
/// else a list kept aside (a template instantiation's shared
/// subexpressions, an expression inside `decltype`).
struct ParentIndex {
  using Many = llvm::SmallVector<DynTypedNode, 2>;
  using Entry = llvm::PointerUnion<const Stmt *, const Decl *, Many *>;
  llvm::DenseMap<const void *, Entry> Map;
  std::deque<Many> Lists;
};

DynTypedNode nodeOf(ParentIndex::Entry Slot) {
  if (const auto *S = llvm::dyn_cast<const Stmt *>(Slot))
    return DynTypedNode::create(*S);
  return DynTypedNode::create(*llvm::cast<const Decl *>(Slot));
}

class Indexer : public RecursiveASTVisitor<Indexer> {
public:
  explicit Indexer(ParentIndex &Index) : Index(Index) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  void indexUserCode(ASTContext &Ctx) {
    const SourceManager &SM = Ctx.getSourceManager();
    TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
    Stack.push_back(DynTypedNode::create(*TU));
    for (Decl *D : TU->decls()) {
      SourceLocation Loc = D->getLocation();
      if (Loc.isInvalid() || SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
        continue;
      TraverseDecl(D);
    }
    Stack.pop_back();
  }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    add(D);
    Stack.push_back(DynTypedNode::create(*D));
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    Stack.pop_back();
    return Result;
  }

  // `decltype(expr)` and `typeof(expr)` are parents of their expression:
  // what is inside them is never evaluated (SpawnApis.cpp asks). Other
  // type locations are not nodes of the index. Clang 22 added a second
  // parameter (whether to traverse the qualifier); it is passed through.
  template <typename... Rest> bool TraverseTypeLoc(TypeLoc TL, Rest... R) {
    if (TL.isNull())
      return true;
    bool Unevaluated = TL.getAs<DecltypeTypeLoc>() || TL.getAs<TypeOfExprTypeLoc>();
    if (Unevaluated)
      Stack.push_back(DynTypedNode::create(TL));
    bool Result = RecursiveASTVisitor::TraverseTypeLoc(TL, R...);
    if (Unevaluated)
      Stack.pop_back();
    return Result;
  }

  // Statements through the data-recursion hooks, so that a chain of
  // 100,000 operands does not recurse 100,000 times.
  bool dataTraverseStmtPre(Stmt *S) {
    add(S);
    Stack.push_back(DynTypedNode::create(*S));
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    Stack.pop_back();
    return true;
  }

private:
  void add(const void *Node) {
    if (Stack.empty())
      return;
    const DynTypedNode &Parent = Stack.back();
    auto [It, New] = Index.Map.try_emplace(Node);
    ParentIndex::Entry &Slot = It->second;
    if (New) {
      if (const auto *S = Parent.get<Stmt>())
        Slot = S;
      else if (const auto *D = Parent.get<Decl>())
        Slot = D;
      else
        Slot = &Index.Lists.emplace_back(ParentIndex::Many{Parent});
      return;
    }
    // A node met twice under the same parent (a template instantiation's
    // shared subexpressions) is recorded once.
    auto *List = llvm::dyn_cast_if_present<ParentIndex::Many *>(Slot);
    if (!List) {
      DynTypedNode First = nodeOf(Slot);
      if (First == Parent)
        return;
      List = &Index.Lists.emplace_back(ParentIndex::Many{First});
      Slot = List;
    }
    if (!(List->back() == Parent))
      List->push_back(Parent);
  }

  ParentIndex &Index;
  llvm::SmallVector<DynTypedNode, 32> Stack;
};

/// One index per live ASTContext (clangd keeps several at once, on several
/// threads); each is freed when its context is.
struct Registry {
  std::mutex Mutex;
  llvm::DenseMap<const ASTContext *, std::unique_ptr<ParentIndex>> Indexes;
};

Registry &registry() {
  static Registry *R = new Registry; // Never destroyed: contexts outlive exit order.
  return *R;
}

void forget(void *Ctx) {
  Registry &R = registry();
  std::lock_guard<std::mutex> Lock(R.Mutex);
  R.Indexes.erase(static_cast<const ASTContext *>(Ctx));
}

ParentIndex &indexOf(ASTContext &Ctx) {
  Registry &R = registry();
  {
    std::lock_guard<std::mutex> Lock(R.Mutex);
    auto It = R.Indexes.find(&Ctx);
    if (It != R.Indexes.end())
      return *It->second;
  }
  // Built outside the lock: only this context's own thread asks for it.
  auto Index = std::make_unique<ParentIndex>();
  Indexer(*Index).indexUserCode(Ctx);
  ParentIndex &Ref = *Index;
  {
    std::lock_guard<std::mutex> Lock(R.Mutex);
    R.Indexes[&Ctx] = std::move(Index);
  }
  Ctx.AddDeallocation(forget, &Ctx);
  return Ref;
}

} // namespace

ParentList parentsOf(const DynTypedNode &Node, ASTContext &Ctx) {
  const void *Key = Node.get<Stmt>() ? static_cast<const void *>(Node.get<Stmt>())
                                     : static_cast<const void *>(Node.get<Decl>());
  if (!Key)
    return {};
  ParentIndex &Index = indexOf(Ctx);
  auto It = Index.Map.find(Key);
  if (It == Index.Map.end())
    return {};
  if (auto *List = llvm::dyn_cast<ParentIndex::Many *>(It->second))
    return ParentList(*List);
  return ParentList(nodeOf(It->second));
}

const VarDecl *initializedVariable(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  for (unsigned Hop = 0; Hop < 4; ++Hop) {
    ParentList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return nullptr;
    if (const auto *V = Parents[0].get<VarDecl>())
      return V;
    const auto *P = Parents[0].get<Expr>();
    if (!P || !isa<ExprWithCleanups, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                   ImplicitCastExpr, CXXFunctionalCastExpr>(P))
      return nullptr;
    Node = Parents[0];
  }
  return nullptr;
}

} // namespace sessionlint
