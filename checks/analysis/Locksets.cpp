#include "Locksets.h"
#include "Names.h"
#include "SpawnSites.h"
#include "Walk.h"

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

/// What a call does to the mutex it names: `m.lock()`,
/// `pthread_mutex_lock(&m)`, `EnterCriticalSection(&cs)` take it;
/// `unlock()` and their twins release it. Reader locks are not listed:
/// they exclude nothing.
enum class LockCall { None, Lock, Unlock };

LockCall lockCallOf(const CallExpr *Call, const Expr *&Mutex) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return LockCall::None;
  llvm::StringRef Name = Callee->getName();
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    Mutex = Member->getImplicitObjectArgument();
    if (Name == "lock" || Name == "Lock" || Name == "lockForWrite")
      return LockCall::Lock;
    if (Name == "unlock" || Name == "Unlock")
      return LockCall::Unlock;
    return LockCall::None;
  }
  if (Call->getNumArgs() != 1)
    return LockCall::None;
  Mutex = Call->getArg(0);
  if (Name == "pthread_mutex_lock" || Name == "pthread_spin_lock" ||
      Name == "pthread_rwlock_wrlock" || Name == "EnterCriticalSection" ||
      Name == "mtx_lock" || Name == "AcquireSRWLockExclusive")
    return LockCall::Lock;
  if (Name == "pthread_mutex_unlock" || Name == "pthread_spin_unlock" ||
      Name == "pthread_rwlock_unlock" || Name == "LeaveCriticalSection" ||
      Name == "mtx_unlock" || Name == "ReleaseSRWLockExclusive")
    return LockCall::Unlock;
  return LockCall::None;
}

/// Whether Body calls something that does Kind to a mutex.
bool bodyDoes(const Stmt *Body, LockCall Kind) {
  return Body && !walk(Body, [&](const Stmt *S) {
    const Expr *Mutex = nullptr;
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && lockCallOf(Call, Mutex) == Kind)
      return Step::Stop;
    return Step::Descend;
  });
}

/// A class of the program's own that locks what it is built with and
/// unlocks it when destroyed (a hand-written lock guard), judged by what
/// its constructor and destructor do.
bool isOwnLockGuard(const CXXRecordDecl *Record) {
  // The destructor first: most classes have none of their own.
  const CXXDestructorDecl *Dtor = Record->getDestructor();
  if (!Dtor || !Dtor->isUserProvided() || !Dtor->hasBody() ||
      !bodyDoes(Dtor->getBody(), LockCall::Unlock))
    return false;
  return llvm::any_of(Record->ctors(), [](const CXXConstructorDecl *Ctor) {
    return Ctor->hasBody() && !Ctor->isCopyOrMoveConstructor() &&
           bodyDoes(Ctor->getBody(), LockCall::Lock);
  });
}

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
  // Other libraries' lock guards, whose bodies may be out of view.
  static constexpr llvm::StringLiteral Exclusive[] = {
      "QMutexLocker",     "QWriteLocker",        "Poco::ScopedLock",
      "Poco::ScopedLockWithUnlock", "Poco::ScopedWriteRWLock", "absl::MutexLock",
      "absl::WriterMutexLock", "boost::interprocess::scoped_lock"};
  static constexpr llvm::StringLiteral Shared[] = {
      "QReadLocker", "Poco::ScopedReadRWLock", "absl::ReaderMutexLock"};
  if (llvm::is_contained(Shared, Name))
    return LockKind::Shared;
  if (llvm::is_contained(Exclusive, Name) ||
      (llvm::StringRef(Name).starts_with("tbb::") && Short == "scoped_lock"))
    return LockKind::Exclusive;
  // A class annotated SCOPED_CAPABILITY whose constructor takes the lock.
  if (Record->hasAttr<ScopedLockableAttr>())
    return LockKind::Exclusive;
  if (Record->hasDefinition() && isOwnLockGuard(Record->getDefinition()))
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
  const auto *Call = dyn_cast<CallExpr>(stripForwarding(E));
  if (!Call)
    return;
  // std::lock(la, lb): deferred lock objects locked together.
  if (const FunctionDecl *Callee = Call->getDirectCallee();
      Callee && (qualifiedName(Callee) == "std::lock" ||
                 qualifiedName(Callee) == "boost::lock")) {
    for (const Expr *Arg : Call->arguments()) {
      const VarDecl *LockVar = namedVar(Arg);
      const CXXConstructExpr *Construct = LockVar ? lockConstruction(LockVar) : nullptr;
      if (Construct)
        for (const Place &M : mutexesNamedBy(Construct, F))
          Held.push_back({M, LockVar});
      else if (std::optional<Place> M = F.placeOf(Arg))
        Held.push_back({*M, nullptr});
    }
    return;
  }
  const Expr *Object = nullptr;
  LockCall Kind = lockCallOf(Call, Object);
  if (Kind == LockCall::None || !Object)
    return;
  const VarDecl *LockVar = namedVar(Object);
  if (LockVar && lockKind(LockVar->getType()) != LockKind::NotALock) {
    // lk.unlock() / lk.lock() on a lock object (unique_lock, defer_lock).
    llvm::erase_if(Held, [&](const HeldLock &H) { return H.Owner == LockVar; });
    if (Kind == LockCall::Lock)
      if (const CXXConstructExpr *Construct = lockConstruction(LockVar))
        for (const Place &M : mutexesNamedBy(Construct, F))
          Held.push_back({M, LockVar});
    return;
  }
  std::optional<Place> M = F.placeOf(Object);
  if (!M)
    return;
  if (Kind == LockCall::Lock)
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

bool runsOnOneThread(llvm::ArrayRef<Place> Held) {
  return llvm::is_contained(Held, Place::key(&OneThreadOnly));
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
