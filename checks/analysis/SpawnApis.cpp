//===--- SpawnApis.cpp - which calls start a task, API by API -------------===//
//
// recognizeSpawn(): std::thread / std::jthread / boost::thread, std::async,
// Asio's co_spawn / post / dispatch / defer (and strands), thread pools
// (Boost, Qt, BS::thread_pool, TBB task groups), QtConcurrent, the
// parallel algorithms and TBB's parallel_for family, P2300 senders and
// scopes, OpenMP constructs, and the user's own spawn functions
// (SESSIONLINT_SPAWNS, SpawnFunctions). Where the task's result goes, and
// the other spawn-site facts every API shares, are in SpawnSites.cpp.
//
//===----------------------------------------------------------------------===//
#include "SpawnSites.h"
#include "Parents.h"
#include "Names.h"
#include "Walk.h"
#include "llvm/ADT/StringExtras.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/OpenMPKinds.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace sessionlint {
namespace {

enum class ThreadFlavour { None, Thread, JThread, BoostThread };

ThreadFlavour threadFlavour(const CXXRecordDecl *Record) {
  if (!Record)
    return ThreadFlavour::None;
  std::string Name = qualifiedName(Record);
  if (Name == "std::thread")
    return ThreadFlavour::Thread;
  if (Name == "std::jthread")
    return ThreadFlavour::JThread;
  if (Name == "boost::thread")
    return ThreadFlavour::BoostThread;
  return ThreadFlavour::None;
}

llvm::StringRef apiName(ThreadFlavour F) {
  switch (F) {
  case ThreadFlavour::JThread:
    return "std::jthread";
  case ThreadFlavour::BoostThread:
    return "boost::thread";
  default:
    return "std::thread";
  }
}


/// The thread type stored in a container type such as std::vector<std::thread>.
ThreadFlavour elementThreadFlavour(QualType Container) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Container.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return ThreadFlavour::None;
  return threadFlavour(
      Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl());
}

/// std::async's launch policy: false when it is exactly std::launch::deferred
/// (the task runs inside get()); a non-constant policy may run concurrently.
bool asyncPolicyMayRunConcurrently(const Expr *Policy, ASTContext &Ctx) {
  const auto *Enum = Policy->getType()->getAsAdjusted<EnumType>();
  if (!Enum)
    return true;
  Expr::EvalResult Value;
  if (!Policy->EvaluateAsInt(Value, Ctx))
    return true;
  for (const EnumConstantDecl *Constant : Enum->getDecl()->enumerators())
    if (Constant->getName() == "deferred")
      return Value.Val.getInt() != Constant->getInitVal();
  return true;
}

/// Every lambda written in E (a sender pipeline `just() | then([&] {...})`).
void collectLambdas(const Stmt *Root, llvm::SmallVectorImpl<const Expr *> &Out) {
  walk(Root, [&](const Stmt *S) {
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      Out.push_back(Lambda);
      return Step::Skip;
    }
    return Step::Descend;
  });
}

/// `bind_executor(strand, handler)`: the handler is what runs.
const Expr *unwrapBoundHandler(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(stripForwarding(E));
  if (!Call || !Call->getDirectCallee() || writtenArgCount(Call) == 0)
    return E;
  llvm::StringRef Name = Call->getDirectCallee()->getName();
  if (Name == "bind_executor" || Name == "bind_allocator")
    return Call->getArg(writtenArgCount(Call) - 1);
  return E;
}

/// The last component of a qualified name: "tbb::detail::d1::parallel_for"
/// gives "parallel_for".
llvm::StringRef shortName(llvm::StringRef Qualified) {
  size_t Colons = Qualified.rfind("::");
  return Colons == llvm::StringRef::npos ? Qualified
                                         : Qualified.substr(Colons + 2);
}

bool isTbbName(llvm::StringRef Qualified) {
  return Qualified.starts_with("tbb::") || Qualified.starts_with("oneapi::tbb::");
}

/// The record name of an execution policy that runs element accesses on
/// several threads at once.
bool isParallelPolicy(const Expr *E) {
  const CXXRecordDecl *Record = recordOf(E);
  if (!Record)
    return false;
  llvm::StringRef Name = Record->getName();
  return Name == "parallel_policy" || Name == "parallel_unsequenced_policy";
}

void addFunctionObjects(const CallExpr *Call, unsigned From, SpawnSite &Site) {
  for (unsigned I = From; I < writtenArgCount(Call); ++I)
    if (isFunctionObject(Call->getArg(I)))
      Site.Callables.push_back(Call->getArg(I));
}

/// OpenMP constructs: a parallel region runs its body on every thread of
/// the team; a task runs beside the code that created it until taskwait.
std::optional<SpawnSite> recognizeOpenMP(const OMPExecutableDirective *D) {
  if (!D->hasAssociatedStmt())
    return std::nullopt;
  OpenMPDirectiveKind Kind = D->getDirectiveKind();
  SpawnSite Site;
  Site.Call = D;
  Site.Api = ("omp " + getOpenMPDirectiveName(Kind)).str();
  if (isOpenMPParallelDirective(Kind) || isOpenMPTaskLoopDirective(Kind)) {
    Site.SelfOverlapping = true;
    Site.Joins = JoinKind::Blocking;
  } else if (isOpenMPTaskingDirective(Kind)) {
    Site.Joins = JoinKind::Taskwait;
  } else {
    return std::nullopt;
  }
  Site.Region = D->getInnermostCapturedStmt();
  // A clause's children are its variable list (`varlists()` in LLVM 19 was
  // renamed `varlist()` later).
  auto AddPrivate = [&](const OMPClause *C, bool KeepsSharedHandles) {
    for (const Stmt *Ref : C->children())
      if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(
              Ref ? cast<Expr>(Ref)->IgnoreParenImpCasts() : nullptr))
        if (!KeepsSharedHandles || !DRE->getType()->isPointerType())
          Site.RegionPrivate.push_back(DRE->getDecl());
  };
  for (const auto *C : D->getClausesOfKind<OMPPrivateClause>())
    AddPrivate(C, false);
  for (const auto *C : D->getClausesOfKind<OMPLastprivateClause>())
    AddPrivate(C, false);
  for (const auto *C : D->getClausesOfKind<OMPReductionClause>())
    AddPrivate(C, false);
  // A copied pointer still points at the one session.
  for (const auto *C : D->getClausesOfKind<OMPFirstprivateClause>())
    AddPrivate(C, true);
  return Site;
}

} // namespace

std::optional<unsigned> spawnsAnnotation(const FunctionDecl *F,
                                         const ASTContext &Ctx) {
  for (const auto *A : F->specific_attrs<AnnotateAttr>()) {
    if (A->getAnnotation() != "sessionlint::spawns" || A->args_size() != 1)
      continue;
    std::optional<llvm::APSInt> Index =
        (*A->args_begin())->getIntegerConstantExpr(Ctx);
    if (Index && !Index->isNegative())
      return Index->getZExtValue();
  }
  return std::nullopt;
}

std::optional<std::string> userThreadEntry(const CXXMethodDecl *Start,
                                           const UserApis *User) {
  for (const FunctionDecl *D : Start->redecls())
    for (const auto *A : D->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == "sessionlint::starts_thread" && A->args_size() == 1)
        if (const auto *Name = dyn_cast<StringLiteral>((*A->args_begin())->IgnoreParenImpCasts()))
          return Name->getString().str();
  if (!User || User->ThreadStarts.empty())
    return std::nullopt;
  std::string Name = qualifiedName(Start);
  for (const auto &[Qualified, Entry] : User->ThreadStarts)
    if (llvm::StringRef(Qualified).ltrim(':') == Name)
      return Entry;
  return std::nullopt;
}

namespace {

/// A function the user declared a spawn (SESSIONLINT_SPAWNS(n), or listed in
/// SpawnFunctions): argument n, or the first function object, is the task;
/// the arguments after it are handed to it. Joined through the variable
/// that receives the result, or through the object of a member call (a
/// pool's wait()); fire-and-forget otherwise.
std::optional<SpawnSite> recognizeUserSpawn(const CallExpr *Call,
                                            ASTContext &Ctx,
                                            const UserApis *User) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(Call))
    return std::nullopt;
  std::optional<unsigned> Index = spawnsAnnotation(Callee, Ctx);
  std::string Name = qualifiedName(Callee);
  if (!Index && (!User || User->SpawnFunctions.empty() ||
                 !User->SpawnFunctions.matches(Name)))
    return std::nullopt;
  unsigned NumArgs = writtenArgCount(Call);
  unsigned First = Index ? *Index : 0;
  if (!Index)
    while (First < NumArgs && !isFunctionObject(Call->getArg(First)))
      ++First;
  if (First >= NumArgs)
    return std::nullopt;
  SpawnSite Site;
  Site.Call = Call;
  Site.Api = Name;
  Site.Callables.push_back(Call->getArg(First));
  for (unsigned I = First + 1; I < NumArgs; ++I)
    Site.Arguments.push_back(Call->getArg(I));
  const VarDecl *Handle = nullptr;
  const Expr *DetachedAt = nullptr;
  switch (findDestination(Call, Ctx, Handle, DetachedAt)) {
  case Destination::Variable:
    Site.Handle = Handle;
    Site.Joins = JoinKind::Explicit;
    return Site;
  case Destination::Detached:
    Site.Joins = JoinKind::Never;
    Site.DetachedAt = DetachedAt;
    return Site;
  case Destination::Awaited:
    return std::nullopt;
  default:
    break;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    Site.Handle = namedVar(Member->getImplicitObjectArgument());
  Site.Joins = Site.Handle ? JoinKind::Explicit : JoinKind::Never;
  return Site;
}

} // namespace

namespace {

/// True when S sits in an operand that is never evaluated: sizeof, alignof,
/// noexcept, a typeid of a non-polymorphic operand, decltype, typeof, or a
/// requires-expression. `noexcept(std::thread(f))` starts no thread.
bool isUnevaluated(const Stmt &S, ASTContext &Ctx) {
  llvm::SmallVector<DynTypedNode, 8> Work{DynTypedNode::create(S)};
  for (unsigned Steps = 0; !Work.empty() && Steps < 256; ++Steps) {
    DynTypedNode Node = Work.pop_back_val();
    if (const auto *St = Node.get<Stmt>()) {
      if (hasUnevaluatedOperands(*St))
        return true;
      if (isa<LambdaExpr>(St))
        return false; // A lambda body is evaluated when it is called.
    }
    if (const auto *Type = Node.get<TypeLoc>();
        Type && (Type->getAs<DecltypeTypeLoc>() || Type->getAs<TypeOfExprTypeLoc>()))
      return true;
    if (Node.get<Decl>() && Node.get<Decl>()->isFunctionOrFunctionTemplate())
      return false;
    for (const DynTypedNode &Parent : parentsOf(Node, Ctx))
      Work.push_back(Parent);
  }
  return false;
}

/// The class of the object E is, or points to (before a conversion to a
/// base class: `worker.start()` calls QThread::start on a Worker).
const CXXRecordDecl *objectClass(const Expr *E) {
  QualType T = E->IgnoreParenBaseCasts()->getType().getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  return Record && Record->hasDefinition() ? Record->getDefinition() : nullptr;
}

/// The final overrider, in Record or its bases, of the virtual member
/// function Method of Record's base class Base (`QThread::run` in a class
/// derived from QThread); null when Record is not derived from Base or does
/// not override Method (QThread's own run() runs an event loop).
const CXXMethodDecl *overriderIn(const CXXRecordDecl *Record, llvm::StringRef Base,
                                 llvm::StringRef Method) {
  if (!Record)
    return nullptr;
  const CXXRecordDecl *BaseClass = nullptr;
  auto IsBase = [&](const CXXRecordDecl *R) {
    if (qualifiedName(R) == Base)
      BaseClass = R;
    return BaseClass == nullptr;
  };
  if (IsBase(Record))
    Record->forallBases(IsBase);
  if (!BaseClass)
    return nullptr;
  for (const CXXMethodDecl *M : BaseClass->methods()) {
    if (!M->isVirtual() || !M->getIdentifier() || M->getName() != Method ||
        M->getNumParams() != 0)
      continue;
    const CXXMethodDecl *Final = M->getCorrespondingMethodInClass(Record, /*MayBeBase=*/true);
    return Final && Final->getParent() != BaseClass ? Final : nullptr;
  }
  return nullptr;
}

/// `RunnableAdapter<Worker>(worker, &Worker::work)`, `Activity<Worker>(this,
/// &Worker::run)`: the member function a construction binds, and the
/// object (or pointer) it binds it to.
bool boundMember(const Expr *Init, const CXXMethodDecl *&Method, const Expr *&Object) {
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(stripForwarding(Init));
  if (!Construct || Construct->getNumArgs() != 2)
    return false;
  const auto *AddrOf = dyn_cast<UnaryOperator>(stripForwarding(Construct->getArg(1)));
  const auto *Ref = AddrOf && AddrOf->getOpcode() == UO_AddrOf
                        ? dyn_cast<DeclRefExpr>(AddrOf->getSubExpr()->IgnoreParens())
                        : nullptr;
  Method = Ref ? dyn_cast<CXXMethodDecl>(Ref->getDecl()) : nullptr;
  Object = Construct->getArg(0);
  return Method != nullptr;
}

/// `Poco::RunnableAdapter<Worker> adapter(worker, &Worker::work)`: the
/// object and member function the adapter a runnable names will call.
bool adaptedMember(const Expr *Runnable, const CXXMethodDecl *&Method,
                   const Expr *&Object) {
  const VarDecl *Var = namedVar(Runnable);
  return Var && boundMember(Var->getInit(), Method, Object);
}

/// `activity.start()` on a `Poco::Activity<C>`: the member function and the
/// object it was built with, in the caller's frame. A local activity names
/// its owner in its initializer (`Activity<Worker> a(&worker,
/// &Worker::run)`); a data member is built by its class's constructors or
/// its default member initializer, and an owner given there as `this` is
/// the object whose member the activity is (`_activity.start()` in a member
/// function: this object).
bool activityEntry(const Expr *Activity, const CXXMethodDecl *&Method,
                   const Expr *&Object) {
  const Expr *E = stripForwarding(Activity)->IgnoreParenImpCasts();
  if (const VarDecl *Var = namedVar(E))
    return Var->isLocalVarDecl() && boundMember(Var->getInit(), Method, Object);
  const auto *Member = dyn_cast<MemberExpr>(E);
  const auto *Field = Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  if (!Field)
    return false;
  auto OwnerIsThis = [&](const Expr *Init) {
    const Expr *Owner = nullptr;
    return boundMember(Init, Method, Owner) &&
           isa<CXXThisExpr>(stripForwarding(Owner)->IgnoreParenImpCasts());
  };
  bool Found = Field->hasInClassInitializer() && OwnerIsThis(Field->getInClassInitializer());
  if (const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent()); Class && !Found)
    for (const CXXConstructorDecl *Ctor : Class->ctors()) {
      const CXXConstructorDecl *Def = dyn_cast_or_null<CXXConstructorDecl>(Ctor->getDefinition());
      for (const CXXCtorInitializer *Init : Def ? Def->inits() : Ctor->inits())
        if (Init->getMember() == Field && Init->isWritten() && OwnerIsThis(Init->getInit()))
          Found = true;
      if (Found)
        break;
    }
  Object = Member->getBase();
  return Found;
}

/// Thread classes: an object whose virtual entry point runs on a new
/// thread. `worker.start()` on a QThread subclass runs its run();
/// `Poco::Thread::start(runnable)` and `Poco::ThreadPool::start` run the
/// runnable's run() (or a RunnableAdapter's member function);
/// `QThreadPool::start(runnable *)` a QRunnable's run();
/// `boost::thread_group::create_thread(f)` runs f; `Poco::Activity::start`
/// runs the member function the activity was built with. The handle is the object
/// `start()` is called on: `wait()`, `join()`, `joinAll()`, `join_all()`,
/// `waitForDone()` join it.
std::optional<SpawnSite> recognizeThreadClass(const CXXMemberCallExpr *Call,
                                              const UserApis *User) {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!Method->getIdentifier())
    return std::nullopt;
  llvm::StringRef Name = Method->getName();
  std::string Class = qualifiedName(Method->getParent());
  unsigned NumArgs = writtenArgCount(Call);
  SpawnSite Site;
  Site.Call = Call;
  if (Class == "QThread" && Name == "start") {
    Site.Entry = overriderIn(objectClass(Object), "QThread", "run");
    Site.EntryObject = Object;
  } else if ((Class == "Poco::Thread" || Class == "Poco::ThreadPool" ||
              Class == "QThreadPool") &&
             (Name == "start" || Name == "startWithPriority" ||
              Name == "tryStart" || Name == "startFunc")) {
    llvm::StringRef Runnable = Class == "QThreadPool" ? "QRunnable" : "Poco::Runnable";
    for (unsigned I = 0; I < NumArgs && !Site.Entry && Site.Callables.empty(); ++I) {
      const Expr *Arg = Call->getArg(I);
      if (const CXXRecordDecl *R = objectClass(Arg);
          R && R->getName() == "RunnableAdapter" &&
          adaptedMember(Arg, Site.Entry, Site.EntryObject)) {
      } else if (Site.Entry = overriderIn(objectClass(Arg), Runnable, "run"); Site.Entry) {
        Site.EntryObject = Arg;
      } else if (Arg->getType()->isFunctionPointerType() ||
                 Arg->getType()->isFunctionType() || isFunctionObject(Arg)) {
        // Poco::Thread::start(callable, data), startFunc(f), and
        // QThreadPool::start(f) of Qt 5.15.
        Site.Callables.push_back(Arg);
        if (I + 1 < NumArgs)
          Site.Arguments.push_back(Call->getArg(I + 1));
      }
    }
    if (!Site.Entry && Site.Callables.empty())
      return std::nullopt;
  } else if (std::optional<std::string> EntryName = userThreadEntry(Method, User)) {
    // The user's word for a base class whose start function is out of
    // view: its final overrider on the object runs.
    Site.Entry = overriderIn(objectClass(Object), Class, *EntryName);
    Site.EntryObject = Object;
    if (!Site.Entry)
      return std::nullopt;
  } else if (Class == "Poco::Activity" && Name == "start") {
    if (!activityEntry(Object, Site.Entry, Site.EntryObject))
      return std::nullopt;
  } else if (Class == "boost::thread_group" && Name == "create_thread" && NumArgs == 1) {
    Site.Callables.push_back(Call->getArg(0));
  } else {
    return std::nullopt;
  }
  if (Site.Callables.empty() && !Site.Entry)
    return std::nullopt; // QThread's own run(): an event loop, no user code.
  Site.Api = Class + "::" + Name.str();
  // `worker.start()`, or `c.activity.start()`: joined through the member.
  Site.Handle = handleVar(Object, &Site.HandleField);
  Site.Joins = Site.Handle ? JoinKind::Explicit : JoinKind::Never;
  return Site;
}

std::optional<SpawnSite> recognizeEvaluated(const Stmt *CandidateStmt,
                                            ASTContext &Ctx,
                                            const UserApis *User) {
  if (const auto *D = dyn_cast_or_null<OMPExecutableDirective>(CandidateStmt))
    return recognizeOpenMP(D);
  const auto *Candidate = dyn_cast_or_null<Expr>(CandidateStmt);
  if (!Candidate || Candidate->containsErrors())
    return std::nullopt;
  SpawnSite Site;
  Site.Call = Candidate;
  bool DiscardedIsSequential = true;

  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Candidate)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor || Ctor->isCopyOrMoveConstructor() || Construct->getNumArgs() == 0)
      return std::nullopt;
    ThreadFlavour F = threadFlavour(Ctor->getParent());
    if (F == ThreadFlavour::None)
      return std::nullopt;
    Site.Api = apiName(F).str();
    Site.Joins = F == ThreadFlavour::JThread ? JoinKind::AtScopeEnd
                                             : JoinKind::Explicit;
    Site.Callables.push_back(Construct->getArg(0));
    for (unsigned I = 1; I < Construct->getNumArgs(); ++I)
      Site.Arguments.push_back(Construct->getArg(I));
  } else if (const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Candidate)) {
    const Expr *Object = MemberCall->getImplicitObjectArgument();
    const CXXMethodDecl *Method = MemberCall->getMethodDecl();
    if (!Object || !Method)
      return std::nullopt;
    if (std::optional<SpawnSite> Thread = recognizeThreadClass(MemberCall, User))
      return Thread;
    if (MemberCall->getNumArgs() == 0)
      return std::nullopt;
    if (std::optional<SpawnSite> Declared =
            recognizeUserSpawn(MemberCall, Ctx, User))
      return Declared;
    if (Method->getName() == "spawn" &&
        Method->getParent()->getName().ends_with("_scope")) {
      // P2300 async_scope / counting_scope: scope.spawn(sender) runs the
      // sender's work; the scope is joined elsewhere (on_empty / join).
      collectLambdas(MemberCall->getArg(0), Site.Callables);
      if (Site.Callables.empty())
        return std::nullopt;
      Site.Api = qualifiedName(Method);
      Site.Joins = JoinKind::Never;
      return Site;
    }
    if (Method->getName() == "run") {
      // tbb::task_group::run(f): joined by the group's wait().
      std::string Group = qualifiedName(Method->getParent());
      if (!isTbbName(Group) || !llvm::StringRef(Group).ends_with("task_group"))
        return std::nullopt;
      Site.Api = "tbb::task_group::run";
      Site.Callables.push_back(MemberCall->getArg(0));
      Site.Handle = namedVar(Object);
      Site.Joins = Site.Handle ? JoinKind::Explicit : JoinKind::Never;
      return Site;
    }
    // workers.emplace_back(callable, args...): a thread built in place.
    ThreadFlavour F = elementThreadFlavour(Object->getType());
    if (F == ThreadFlavour::None)
      return std::nullopt;
    const CXXRecordDecl *First = recordOf(MemberCall->getArg(0));
    if (First && threadFlavour(First) != ThreadFlavour::None)
      return std::nullopt; // emplace_back(std::move(t)) moves a thread in.
    Site.Api = apiName(F).str();
    Site.Joins = F == ThreadFlavour::JThread ? JoinKind::AtScopeEnd
                                             : JoinKind::Explicit;
    Site.Callables.push_back(MemberCall->getArg(0));
    for (unsigned I = 1; I < MemberCall->getNumArgs(); ++I)
      Site.Arguments.push_back(MemberCall->getArg(I));
    // A container member (`workers_.emplace_back(...)`) is joined somewhere
    // else, if at all: not by this function.
    Site.Handle = namedVar(Object);
    if (!Site.Handle)
      Site.Joins = JoinKind::Never;
    return Site;
  } else if (const auto *Call = dyn_cast<CallExpr>(Candidate)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return std::nullopt;
    std::string Name = qualifiedName(Callee);
    llvm::StringRef Short = shortName(Name);
    bool IsAsio = llvm::StringRef(Name).starts_with("boost::asio::") ||
                  llvm::StringRef(Name).starts_with("asio::");
    unsigned NumArgs = writtenArgCount(Call);
    if (Name == "std::async") {
      unsigned First = 0;
      if (NumArgs > 0 && Call->getArg(0)->getType()->isEnumeralType()) {
        if (!asyncPolicyMayRunConcurrently(Call->getArg(0), Ctx))
          return std::nullopt; // std::launch::deferred runs inside get().
        First = 1;
      }
      if (NumArgs <= First)
        return std::nullopt;
      Site.Api = "std::async";
      Site.Joins = JoinKind::AtScopeEnd; // The future blocks when destroyed.
      Site.Callables.push_back(Call->getArg(First));
      for (unsigned I = First + 1; I < NumArgs; ++I)
        Site.Arguments.push_back(Call->getArg(I));
    } else if (Name == "pthread_create") {
      // pthread_create(&tid, attr, start, arg): joined by pthread_join(tid).
      if (NumArgs < 4)
        return std::nullopt;
      Site.Api = "pthread_create";
      Site.Callables.push_back(Call->getArg(2));
      Site.Arguments.push_back(Call->getArg(3));
      const Expr *Tid = stripForwarding(Call->getArg(0));
      if (const auto *AddrOf = dyn_cast<UnaryOperator>(Tid);
          AddrOf && AddrOf->getOpcode() == UO_AddrOf)
        Site.Handle = namedVar(AddrOf->getSubExpr());
      Site.Joins = Site.Handle ? JoinKind::Explicit : JoinKind::Never;
      return Site;
    } else if (llvm::StringRef(Name).starts_with("QtConcurrent::") &&
               isQtConcurrentMapName(Short)) {
      // QtConcurrent::mapped(sequence, function[, reduce]): the function runs
      // on many items at once; the reduce function one call at a time,
      // beside them. The blocking forms return when all are done.
      unsigned First = 0;
      while (First < NumArgs && Call->getArg(First)->getType()->isPointerType() &&
             !Call->getArg(First)->getType()->isFunctionPointerType())
        ++First; // A QThreadPool *.
      for (unsigned I = First + 1; I < NumArgs; ++I) {
        const Expr *Arg = Call->getArg(I);
        if (isFunctionObject(Arg) || Arg->getType()->isFunctionPointerType() ||
            Arg->getType()->isFunctionType())
          Site.Callables.push_back(Arg);
      }
      if (Site.Callables.empty())
        return std::nullopt;
      Site.Api = Name;
      Site.SelfOverlapping = true;
      Site.SerialFrom = 1;
      Site.Joins = Short.starts_with("blocking") ? JoinKind::Blocking
                                                 : JoinKind::Explicit;
      return Site;
    } else if (Name == "QtConcurrent::run") {
      // run([pool,] function, args...): joined through the QFuture.
      unsigned First = 0;
      while (First < NumArgs && !isFunctionObject(Call->getArg(First)) &&
             !Call->getArg(First)->getType()->isFunctionPointerType() &&
             !Call->getArg(First)->getType()->isFunctionType())
        ++First;
      if (First == NumArgs)
        return std::nullopt;
      Site.Api = "QtConcurrent::run";
      Site.Callables.push_back(Call->getArg(First));
      for (unsigned I = First + 1; I < NumArgs; ++I)
        Site.Arguments.push_back(Call->getArg(I));
      Site.Joins = JoinKind::Explicit;
      DiscardedIsSequential = false;
    } else if (Short == "start_detached" ||
               (Short == "spawn" &&
                (llvm::StringRef(Name).starts_with("std::execution::") ||
                 llvm::StringRef(Name).starts_with("stdexec::") ||
                 llvm::StringRef(Name).starts_with("exec::")))) {
      // P2300: spawn(sender, scope), start_detached(sender): the sender's
      // work runs on its scheduler, never joined here. Its functions are
      // the lambdas the sender pipeline was built from.
      if (NumArgs == 0)
        return std::nullopt;
      Site.Api = Name;
      collectLambdas(Call->getArg(0), Site.Callables);
      if (Site.Callables.empty())
        return std::nullopt;
      Site.Joins = JoinKind::Never;
      DiscardedIsSequential = false;
    } else if (std::optional<SpawnSite> Declared =
                   recognizeUserSpawn(Call, Ctx, User)) {
      return Declared;
    } else if (IsAsio && Short == "co_spawn") {
      if (NumArgs < 2)
        return std::nullopt;
      Site.Api = "co_spawn";
      Site.Callables.push_back(Call->getArg(1));
      Site.Joins = JoinKind::Never;
      DiscardedIsSequential = false;
      if (NumArgs >= 3) {
        const Expr *Token = Call->getArg(NumArgs - 1);
        const CXXRecordDecl *TokenType = recordOf(Token);
        llvm::StringRef TokenName = TokenType ? TokenType->getName() : "";
        // use_awaitable and deferred start the task only when awaited, and
        // the awaiting coroutine waits for it: sequential.
        if (TokenName == "use_awaitable_t" || TokenName == "deferred_t")
          return std::nullopt;
        if (TokenName == "use_future_t")
          Site.Joins = JoinKind::Explicit;
        else if (TokenName == "detached_t")
          Site.DetachedAt = Token;
      }
    } else if (IsAsio && (isPostName(Short) || Short == "spawn")) {
      // post(ex, handler), post(handler), spawn(ctx, function[, token]):
      // fire-and-forget. With a completion token instead of a handler
      // (`co_await post(ex, use_awaitable)`) nothing runs beside us.
      if (NumArgs == 0)
        return std::nullopt;
      const Expr *Handler =
          unwrapBoundHandler(Call->getArg(Short == "spawn" && NumArgs > 1
                                              ? 1
                                              : NumArgs - 1));
      if (!isFunctionObject(Handler))
        return std::nullopt;
      const CXXRecordDecl *HandlerType = recordOf(Handler);
      if (HandlerType && HandlerType->getName().ends_with("_t") &&
          !HandlerType->isLambda())
        return std::nullopt; // A completion token such as use_future_t.
      Site.Api = Short.str();
      Site.Callables.push_back(Handler);
      Site.Joins = JoinKind::Never;
      DiscardedIsSequential = false;
      // post(io, f), post(pool.get_executor(), f): joined by io.run(),
      // pool.join() / wait(), or the end of a local pool's scope (its
      // destructor stops and joins its threads).
      if (Short != "spawn" && NumArgs >= 2)
        if (const VarDecl *Context = executionContextOf(Call->getArg(0))) {
          Site.Handle = Context;
          Site.Joins = ownsContext(Context) ? JoinKind::AtScopeEnd : JoinKind::Explicit;
        }
    } else if (isTbbName(Name) && Short.starts_with("parallel_")) {
      // tbb::parallel_for(range, body), parallel_invoke(f, g, ...): the
      // caller waits; the bodies run on many threads at once.
      Site.Api = ("tbb::" + Short).str();
      addFunctionObjects(Call, 0, Site);
      if (Site.Callables.empty())
        return std::nullopt;
      Site.SelfOverlapping = true;
      Site.CallablesRunOnce = Short == "parallel_invoke";
      Site.Joins = JoinKind::Blocking;
      return Site;
    } else if (NumArgs > 0 && isParallelPolicy(Call->getArg(0)) &&
               llvm::StringRef(Name).starts_with("std::")) {
      Site.Api = Name;
      addFunctionObjects(Call, 1, Site);
      if (Site.Callables.empty())
        return std::nullopt;
      Site.SelfOverlapping = true;
      Site.Joins = JoinKind::Blocking;
      return Site;
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }

  const VarDecl *Handle = nullptr;
  const FieldDecl *HandleField = nullptr;
  const Expr *DetachedAt = nullptr;
  switch (findDestination(Candidate, Ctx, Handle, DetachedAt, &HandleField)) {
  case Destination::Variable:
    if (Site.Joins != JoinKind::Never) {
      Site.Handle = Handle;
      Site.HandleField = HandleField;
    }
    break;
  case Destination::Detached:
    Site.Joins = JoinKind::Never;
    Site.DetachedAt = DetachedAt;
    break;
  case Destination::Discarded:
    // A discarded std::async future joins at the end of the full-expression
    // and a discarded std::jthread joins at once; a discarded std::thread
    // terminates the program, which is not a sharing bug.
    if (DiscardedIsSequential)
      return std::nullopt;
    break;
  case Destination::Awaited:
    return std::nullopt;
  case Destination::Returned:
    Site.Returned = Site.Joins != JoinKind::Never;
    Site.ReturnedJoins = Site.Joins;
    [[fallthrough]];
  case Destination::Elsewhere:
    // Returned, stored in a member, passed to code we do not see: this
    // function never joins it.
    Site.Joins = JoinKind::Never;
    break;
  }
  return Site;
}

} // namespace

const VarDecl *executionContextOf(const Expr *Target) {
  const Expr *E = stripForwarding(Target);
  if (const auto *Get = dyn_cast<CXXMemberCallExpr>(E);
      Get && Get->getMethodDecl() && Get->getMethodDecl()->getIdentifier() &&
      Get->getMethodDecl()->getName() == "get_executor")
    E = stripForwarding(Get->getImplicitObjectArgument());
  const VarDecl *V = namedVar(E);
  const CXXRecordDecl *Record = V ? V->getType().getNonReferenceType()->getAsCXXRecordDecl() : nullptr;
  return Record && isExecutionContextName(qualifiedName(Record)) ? V : nullptr;
}

bool ownsContext(const VarDecl *V) {
  if (!V || !V->isLocalVarDecl() || V->getType()->isReferenceType())
    return false;
  const CXXRecordDecl *Record = V->getType()->getAsCXXRecordDecl();
  return Record && isExecutionContextName(qualifiedName(Record));
}

std::optional<SpawnSite> recognizeSpawn(const Stmt *CandidateStmt,
                                        ASTContext &Ctx,
                                        const UserApis *User) {
  std::optional<SpawnSite> Site = recognizeEvaluated(CandidateStmt, Ctx, User);
  if (Site && isUnevaluated(*CandidateStmt, Ctx))
    return std::nullopt;
  return Site;
}

} // namespace sessionlint
