#include "Locksets.h"
#include "Names.h"
#include "SpawnSites.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "llvm/ADT/StringSet.h"
#include <mutex>

using namespace clang;

namespace sessionlint {
namespace {

/// One key for "runs on one thread of the team" (OpenMP single/master).
const char OneThreadOnly = 0;

/// Interned names of OpenMP critical sections; the unnamed one is "".
/// Shared by every thread of a process.
const void *criticalSectionKey(const OMPCriticalDirective *D) {
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

const CXXConstructExpr *lockConstruction(const VarDecl *Var) {
  if (!Var->getInit() || lockKind(Var->getType()) != LockKind::Exclusive)
    return nullptr;
  const Expr *Init = Var->getInit()->IgnoreImplicit();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Init))
    Init = Cleanups->getSubExpr()->IgnoreImplicit();
  return dyn_cast<CXXConstructExpr>(Init);
}

/// The mutexes a lock object's constructor names, skipping the tags.
Lockset mutexesNamedBy(const CXXConstructExpr *Construct, const Frame &F) {
  Lockset Out;
  for (const Expr *Arg : Construct->arguments())
    if (!tagName(Arg).ends_with("_lock_t"))
      if (std::optional<Place> M = F.placeOf(Arg))
        Out.push_back(*M);
  return Out;
}

/// The mutexes a lock object's constructor takes; none with std::defer_lock
/// or std::try_to_lock (the lock may not be held).
Lockset mutexesTakenBy(const CXXConstructExpr *Construct, const Frame &F) {
  for (const Expr *Arg : Construct->arguments())
    if (tagName(Arg) == "defer_lock_t" || tagName(Arg) == "try_to_lock_t")
      return {};
  return mutexesNamedBy(Construct, F);
}

} // namespace

Lockset intersect(llvm::ArrayRef<Place> A, llvm::ArrayRef<Place> B) {
  Lockset Out;
  for (const Place &P : A)
    if (llvm::is_contained(B, P) && !llvm::is_contained(Out, P))
      Out.push_back(P);
  return Out;
}

void unite(Lockset &A, llvm::ArrayRef<Place> B) {
  for (const Place &P : B)
    if (!llvm::is_contained(A, P))
      A.push_back(P);
}

bool disjoint(llvm::ArrayRef<Place> A, llvm::ArrayRef<Place> B) {
  for (const Place &P : A)
    if (llvm::is_contained(B, P))
      return false;
  return true;
}

void applyLockStatement(const Stmt *S, const Frame &F,
                        llvm::SmallVectorImpl<HeldLock> &Held) {
  if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (const CXXConstructExpr *Construct = lockConstruction(Var))
          for (const Place &M : mutexesTakenBy(Construct, F))
            Held.push_back({M, Var});
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
    llvm::erase_if(Held, [&](const HeldLock &H) { return H.Owner == LockVar; });
    if (Method == "lock")
      if (const CXXConstructExpr *Construct = lockConstruction(LockVar))
        for (const Place &M : mutexesNamedBy(Construct, F))
          Held.push_back({M, LockVar});
    return;
  }
  std::optional<Place> M = F.placeOf(Object);
  if (!M)
    return;
  if (Method == "lock")
    Held.push_back({*M, nullptr});
  else
    llvm::erase_if(Held, [&](const HeldLock &H) { return H.Mutex == *M; });
}

Lockset locksRequiredBy(const Decl *Function, const Frame &F) {
  Lockset Out;
  if (!Function)
    return Out;
  for (const auto *Requires : Function->specific_attrs<RequiresCapabilityAttr>())
    for (const Expr *Arg : Requires->args())
      if (std::optional<Place> M = F.placeOf(Arg))
        Out.push_back(*M);
  return Out;
}

std::optional<Place> lockOfDirective(const OMPExecutableDirective *D) {
  if (const auto *Critical = dyn_cast<OMPCriticalDirective>(D))
    return Place::key(criticalSectionKey(Critical));
  if (isa<OMPSingleDirective, OMPMasterDirective, OMPMaskedDirective>(D))
    return Place::key(&OneThreadOnly);
  // Each section runs once, on one thread: uses in one section do not
  // overlap each other, only uses in other sections.
  if (isa<OMPSectionDirective>(D))
    return Place::key(D);
  return std::nullopt;
}

bool isStrand(QualType T) {
  const CXXRecordDecl *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record)
    return false;
  std::string Name = qualifiedName(Record);
  return (llvm::StringRef(Name).starts_with("boost::asio::") ||
          llvm::StringRef(Name).starts_with("asio::")) &&
         Record->getName() == "strand";
}

} // namespace sessionlint
