#include "Locks.h"
#include "Names.h"
#include "SpawnSites.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtOpenMP.h"
#include "llvm/ADT/StringSet.h"
#include <mutex>

using namespace clang;

namespace sessionlint {
namespace {

/// One key for "runs on one thread of the team" (OpenMP single/master).
const char OneThreadOnly = 0;

/// Interned names of OpenMP critical sections; the unnamed one is "".
/// Shared by every thread of the command line's -j workers.
MutexKey criticalSectionKey(const OMPCriticalDirective *D) {
  static std::mutex NamesMutex;
  static llvm::StringSet<> Names;
  std::lock_guard<std::mutex> Lock(NamesMutex);
  return Names.insert(D->getDirectiveName().getAsString()).first->getKey().data();
}

enum class LockKind { NotALock, Exclusive, Shared };

LockKind lockKind(QualType T) {
  const CXXRecordDecl *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record)
    return LockKind::NotALock;
  std::string Name = qualifiedName(Record);
  llvm::StringRef Short = Record->getName();
  bool Known = llvm::StringRef(Name).starts_with("std::") ||
               llvm::StringRef(Name).starts_with("boost::");
  if (Known && (Short == "shared_lock" || Short == "shared_lock_guard"))
    return LockKind::Shared;
  if (Known && (Short == "lock_guard" || Short == "unique_lock" ||
                Short == "scoped_lock"))
    return LockKind::Exclusive;
  // A class annotated SCOPED_CAPABILITY whose constructor takes the lock.
  if (Record->hasAttr<ScopedLockableAttr>())
    return LockKind::Exclusive;
  return LockKind::NotALock;
}

llvm::StringRef tagName(const Expr *Arg) {
  const CXXRecordDecl *Tag = Arg->getType()->getAsCXXRecordDecl();
  return Tag ? Tag->getName() : "";
}

/// The mutexes a lock object's constructor names, skipping the tags.
HeldMutexes mutexesNamedBy(const CXXConstructExpr *Construct) {
  HeldMutexes Out;
  for (const Expr *Arg : Construct->arguments())
    if (!tagName(Arg).ends_with("_lock_t"))
      if (MutexKey Key = mutexKey(Arg))
        Out.push_back(Key);
  return Out;
}

/// The mutexes a lock object's constructor takes; none with std::defer_lock
/// or std::try_to_lock (the lock may not be held).
HeldMutexes mutexesTakenBy(const CXXConstructExpr *Construct) {
  for (const Expr *Arg : Construct->arguments())
    if (tagName(Arg) == "defer_lock_t" || tagName(Arg) == "try_to_lock_t")
      return {};
  return mutexesNamedBy(Construct);
}

const CXXConstructExpr *lockConstruction(const VarDecl *Var) {
  if (!Var->getInit() || lockKind(Var->getType()) != LockKind::Exclusive)
    return nullptr;
  const Expr *Init = Var->getInit()->IgnoreImplicit();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Init))
    Init = Cleanups->getSubExpr()->IgnoreImplicit();
  return dyn_cast<CXXConstructExpr>(Init);
}

struct Held {
  MutexKey Mutex;
  /// The lock object holding it, or null for a manual `m.lock()`.
  const VarDecl *Lock;
};

/// Applies what one statement of an enclosing block does to the held set.
void apply(const Stmt *S, llvm::SmallVectorImpl<Held> &State) {
  if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (const CXXConstructExpr *Construct = lockConstruction(Var))
          for (MutexKey Key : mutexesTakenBy(Construct))
            State.push_back({Key, Var});
    return;
  }
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return;
  const auto *Call = dyn_cast<CXXMemberCallExpr>(stripForwarding(E));
  if (!Call || !Call->getMethodDecl())
    return;
  llvm::StringRef Method = Call->getMethodDecl()->getName();
  if (Method != "lock" && Method != "unlock")
    return;
  const Expr *Object = Call->getImplicitObjectArgument();
  const VarDecl *LockVar = namedVar(Object);
  if (LockVar && lockKind(LockVar->getType()) != LockKind::NotALock) {
    // lk.unlock() / lk.lock() on a lock object (unique_lock, defer_lock).
    llvm::erase_if(State, [&](const Held &H) { return H.Lock == LockVar; });
    if (Method == "lock")
      if (const CXXConstructExpr *Construct = lockConstruction(LockVar))
        for (MutexKey Key : mutexesNamedBy(Construct))
          State.push_back({Key, LockVar});
    return;
  }
  MutexKey Key = mutexKey(Object);
  if (!Key)
    return;
  if (Method == "lock")
    State.push_back({Key, nullptr});
  else
    llvm::erase_if(State, [&](const Held &H) { return H.Mutex == Key; });
}

} // namespace

MutexKey mutexKey(const Expr *E) {
  E = stripForwarding(E);
  if (const auto *Op = dyn_cast<UnaryOperator>(E);
      Op && (Op->getOpcode() == UO_Deref || Op->getOpcode() == UO_AddrOf))
    E = stripForwarding(Op->getSubExpr());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl()->getCanonicalDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl()->getCanonicalDecl();
  return nullptr;
}

HeldMutexes mutexesHeldAt(const Stmt *Use, ASTContext &Ctx) {
  HeldMutexes Always;
  // (block, the child of the block that contains Use), innermost first.
  llvm::SmallVector<std::pair<const CompoundStmt *, const Stmt *>, 8> Blocks;
  DynTypedNode Node = DynTypedNode::create(*Use);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      break;
    const DynTypedNode &Parent = Parents[0];
    if (Parent.get<LambdaExpr>() || Parent.get<BlockDecl>())
      break;
    if (const auto *Function = Parent.get<FunctionDecl>()) {
      if (const auto *Requires = Function->getAttr<RequiresCapabilityAttr>())
        for (const Expr *Arg : Requires->args())
          if (MutexKey Key = mutexKey(Arg))
            Always.push_back(Key);
      break;
    }
    if (const auto *Directive = Parent.get<OMPExecutableDirective>()) {
      if (const auto *Critical = dyn_cast<OMPCriticalDirective>(Directive))
        Always.push_back(criticalSectionKey(Critical));
      else if (isa<OMPSingleDirective, OMPMasterDirective,
                   OMPMaskedDirective>(Directive))
        Always.push_back(&OneThreadOnly);
      // Each section runs once, on one thread: uses in one section do not
      // overlap each other, only uses in other sections.
      else if (isa<OMPSectionDirective>(Directive))
        Always.push_back(Directive);
      else if (isOpenMPParallelDirective(Directive->getDirectiveKind()) ||
               isOpenMPTaskingDirective(Directive->getDirectiveKind()))
        break;
    }
    if (const auto *Block = Parent.get<CompoundStmt>())
      if (const auto *Child = Node.get<Stmt>())
        Blocks.push_back({Block, Child});
    Node = Parent;
  }

  llvm::SmallVector<Held, 4> State;
  for (auto [Block, Containing] : llvm::reverse(Blocks))
    for (const Stmt *S : Block->body()) {
      if (S == Containing)
        break;
      apply(S, State);
    }
  for (const Held &H : State)
    Always.push_back(H.Mutex);
  return Always;
}

HeldMutexes intersect(llvm::ArrayRef<MutexKey> A, llvm::ArrayRef<MutexKey> B) {
  HeldMutexes Out;
  for (MutexKey Key : A)
    if (llvm::is_contained(B, Key) && !llvm::is_contained(Out, Key))
      Out.push_back(Key);
  return Out;
}

} // namespace sessionlint
