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
/// nothing else, and both have pointer identity. Generated code holds about
/// one entry per four bytes of source, so an entry is one pointer: the one
/// parent when it is a statement or a declaration (nearly always), a node
/// kept aside when it is a type location (an expression inside
/// `decltype`), a list when a node has several parents (a template
/// instantiation's shared subexpressions).
struct ParentIndex {
  using Many = llvm::SmallVector<DynTypedNode, 2>;
  using Entry =
      llvm::PointerUnion<const Stmt *, const Decl *, const DynTypedNode *, Many *>;
  llvm::DenseMap<const void *, Entry> Map;
  std::deque<DynTypedNode> Others;
  std::deque<Many> Lists;
};

/// The one parent Slot names (not a list).
DynTypedNode nodeOf(ParentIndex::Entry Slot) {
  if (const auto *S = llvm::dyn_cast<const Stmt *>(Slot))
    return DynTypedNode::create(*S);
  if (const auto *D = llvm::dyn_cast<const Decl *>(Slot))
    return DynTypedNode::create(*D);
  return *llvm::cast<const DynTypedNode *>(Slot);
}

class Indexer : public RecursiveASTVisitor<Indexer> {
public:
  explicit Indexer(ParentIndex &Index) : Index(Index) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  void indexUserCode(ASTContext &Ctx) {
    const SourceManager &SM = Ctx.getSourceManager();
    TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
    // Sized for the main file up front: growing rehashes every entry.
    Index.Map.reserve(SM.getBufferData(SM.getMainFileID()).size() / 4);
    Stack.push_back(TU);
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
    Stack.push_back(D);
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
      Stack.push_back(&Index.Others.emplace_back(DynTypedNode::create(TL)));
    bool Result = RecursiveASTVisitor::TraverseTypeLoc(TL, R...);
    if (Unevaluated)
      Stack.pop_back();
    return Result;
  }

  // Statements through the data-recursion hooks, so that a chain of
  // 100,000 operands does not recurse 100,000 times.
  bool dataTraverseStmtPre(Stmt *S) {
    add(S);
    Stack.push_back(S);
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
    ParentIndex::Entry Parent = Stack.back();
    auto [It, New] = Index.Map.try_emplace(Node, Parent);
    if (New)
      return;
    // A node met twice under the same parent (a template instantiation's
    // shared subexpressions) is recorded once.
    ParentIndex::Entry &Slot = It->second;
    if (Slot == Parent)
      return;
    DynTypedNode P = nodeOf(Parent);
    auto *List = llvm::dyn_cast<ParentIndex::Many *>(Slot);
    if (!List) {
      DynTypedNode First = nodeOf(Slot);
      if (First == P)
        return;
      List = &Index.Lists.emplace_back(ParentIndex::Many{First});
      Slot = List;
    }
    if (!(List->back() == P))
      List->push_back(P);
  }

  ParentIndex &Index;
  /// The nodes around the one being traversed; never a list.
  llvm::SmallVector<ParentIndex::Entry, 32> Stack;
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
