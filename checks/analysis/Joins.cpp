#include "Joins.h"
#include "Walk.h"
#include "SpawnSites.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace sessionlint {
namespace {

bool isJoinMethodName(llvm::StringRef Name) {
  return Name == "join" || Name == "get" || Name == "wait" ||
         Name == "waitForFinished" || Name == "result" || Name == "waitForDone" ||
         Name == "joinAll" || Name == "join_all";
}

/// Whether F's body is here to read, outside system headers: then what it
/// does decides, not its name (a library's `wait()` is declared only, or
/// defined in a system header).
bool isUserCode(const FunctionDecl *F) {
  const FunctionDecl *Definition = nullptr;
  if (!F->hasBody(Definition) || !Definition)
    return false;
  const SourceManager &SM = F->getASTContext().getSourceManager();
  return !SM.isInSystemHeader(SM.getExpansionLoc(Definition->getLocation()));
}

} // namespace

bool JoinFinder::isUserJoin(const FunctionDecl *F) const {
  for (const auto *A : F->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "sessionlint::joins")
      return true;
  return UserJoins && !UserJoins->empty() &&
         UserJoins->matches(qualifiedName(F));
}

bool JoinFinder::isJoinOf(const Stmt *S, const VarDecl *Handle, const FieldDecl *Field) {
  if (!Handle)
    return false;
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call || isa<CXXOperatorCallExpr>(Call) || !Call->getDirectCallee())
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (isUserJoin(Callee)) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (designatesHandle(Member->getImplicitObjectArgument(), Handle, Field))
        return true;
    for (const Expr *Arg : Call->arguments())
      if (designatesHandle(Arg, Handle, Field))
        return true;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    // A library's `join()` / `wait()` by name; member functions whose
    // bodies we read by what they do (a `get()` that only reads is no
    // join).
    if (Method && designatesHandle(Member->getImplicitObjectArgument(), Handle, Field) &&
        (isUserCode(Method) ? methodJoinsOwnTask(Method)
                            : Method->getIdentifier() && isJoinMethodName(Method->getName())))
      return true;
    // `io.run()` returns when the handlers posted to io have run.
    if (Method && Method->getIdentifier() && Method->getName() == "run" &&
        isExecutionContextName(qualifiedName(Method->getParent())) &&
        designatesHandle(Member->getImplicitObjectArgument(), Handle, Field))
      return true;
    // A member function that joins the handle it is given.
  } else if (Callee->getIdentifier() && Callee->getName() == "pthread_join" &&
             Call->getNumArgs() > 0) {
    return designatesHandle(Call->getArg(0), Handle, Field);
  }
  for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams();
       ++I)
    if (!Field && namedVar(Call->getArg(I)) == Handle && helperJoinsParam(Callee, I))
      return true;
  return false;
}

bool JoinFinder::loopJoinsElements(const CXXForRangeStmt *Loop) {
  const VarDecl *Element = Loop->getLoopVariable();
  return Element && Loop->getBody() && bodyJoins(Loop->getBody(), Element);
}

bool JoinFinder::bodyJoins(const Stmt *Body, const VarDecl *Handle,
                           const FieldDecl *Field) {
  return !walk(Body, [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    if (isJoinOf(S, Handle, Field))
      return Step::Stop;
    // A timed join (try_join_for, wait_for) joins on its success branch
    // (TaskOrdering.cpp): the function does join what it started.
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
        Call && Call->getMethodDecl() && Call->getMethodDecl()->getIdentifier() &&
        llvm::is_contained({llvm::StringRef("try_join_for"), llvm::StringRef("try_join_until"),
                            llvm::StringRef("timed_join"), llvm::StringRef("wait_for"),
                            llvm::StringRef("wait_until")},
                           Call->getMethodDecl()->getName()) &&
        designatesHandle(Call->getImplicitObjectArgument(), Handle, Field))
      return Step::Stop;
    if (const auto *Loop = dyn_cast<CXXForRangeStmt>(S))
      if (designatesHandle(Loop->getRangeInit(), Handle, Field) && loopJoinsElements(Loop))
        return Step::Stop;
    return Step::Descend;
  });
}

const VarDecl *JoinFinder::detachedBy(const Stmt *S) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S);
      Member && Member->getMethodDecl() && Member->getMethodDecl()->getIdentifier() &&
      Member->getMethodDecl()->getName() == "detach")
    return namedVar(Member->getImplicitObjectArgument());
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call || isa<CXXMemberCallExpr>(Call) || !Call->getDirectCallee())
    return nullptr;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee->getIdentifier() && Callee->getName() == "pthread_detach" &&
      Call->getNumArgs() == 1)
    return namedVar(Call->getArg(0));
  for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams(); ++I)
    if (const VarDecl *Handle = namedVar(Call->getArg(I)))
      if (helperDetachesParam(Callee, I))
        return Handle;
  return nullptr;
}

bool JoinFinder::helperDetachesParam(const FunctionDecl *Helper, unsigned Index) {
  const FunctionDecl *Definition = nullptr;
  if (!Helper->hasBody(Definition) || !Definition ||
      Definition->isInvalidDecl() || Index >= Definition->getNumParams())
    return false;
  auto Key = std::make_pair(Definition, Index);
  auto [It, Inserted] = DetachSummaries.try_emplace(Key, State::InProgress);
  if (!Inserted)
    return It->second == State::Joins;
  const VarDecl *Param = Definition->getParamDecl(Index);
  bool Detaches = !walk(Definition->getBody(), [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    return detachedBy(S) == Param ? Step::Stop : Step::Descend;
  });
  DetachSummaries[Key] = Detaches ? State::Joins : State::DoesNotJoin;
  return Detaches;
}

namespace {

/// Whether Record is, or derives from, a class whose objects are tasks or
/// their handles: a library join by name on one of those joins a task
/// (`thread_.join()`, `wait()` on a QThread), where the same name on a
/// condition variable or `get()` on a unique_ptr does not.
bool isTaskHandleClass(const CXXRecordDecl *Record) {
  auto IsHandle = [](const CXXRecordDecl *R) { return isTaskHandleName(qualifiedName(R)); };
  if (!Record || !Record->hasDefinition())
    return false;
  Record = Record->getDefinition();
  return IsHandle(Record) || !Record->forallBases([&](const CXXRecordDecl *Base) {
    return !IsHandle(Base);
  });
}

/// `this`, `*this`, `thread_` or `this->worker_`: the object a member
/// function runs on, or one of its members.
bool isOwnObject(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Deref = dyn_cast_or_null<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    E = Deref->getSubExpr()->IgnoreParenImpCasts();
  if (isa_and_nonnull<CXXThisExpr>(E))
    return true;
  const auto *Member = dyn_cast_or_null<MemberExpr>(E);
  return Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
}

/// The class of the object a member call runs on, before a conversion to
/// a base (`wait()` on a Worker derived from QThread).
const CXXRecordDecl *objectRecord(const CXXMemberCallExpr *Call) {
  QualType T = Call->getImplicitObjectArgument()->IgnoreParenBaseCasts()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T.getNonReferenceType()->getAsCXXRecordDecl();
}

} // namespace

bool JoinFinder::destructorJoins(const CXXRecordDecl *Class) {
  if (!Class || !Class->hasDefinition())
    return false;
  Class = Class->getDefinition();
  if (qualifiedName(Class) == "Poco::Activity")
    return true;
  const CXXDestructorDecl *Dtor = Class->getDestructor();
  return Dtor && isUserCode(Dtor) && methodJoinsOwnTask(Dtor);
}

bool JoinFinder::methodJoinsOwnTask(const CXXMethodDecl *Method) {
  const FunctionDecl *Definition = nullptr;
  if (!Method->hasBody(Definition) || !Definition || Definition->isInvalidDecl())
    return false;
  auto Key = std::make_pair(static_cast<const FunctionDecl *>(Definition), ~0u);
  auto [It, Inserted] = Summaries.try_emplace(Key, State::InProgress);
  if (!Inserted)
    return It->second == State::Joins;
  bool Joins = !walk(Definition->getBody(), [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *M = Call->getMethodDecl();
      // As in isJoinOf: a member function we can read by what it does, a
      // library's by its name on a task handle.
      if (M && isOwnObject(Call->getImplicitObjectArgument()) &&
          (isUserJoin(M) ||
           (isUserCode(M) ? M != Method && methodJoinsOwnTask(M)
                          : M->getIdentifier() && isJoinMethodName(M->getName()) &&
                                isTaskHandleClass(objectRecord(Call)))))
        return Step::Stop;
    } else if (const auto *Call = dyn_cast<CallExpr>(S);
               Call && Call->getDirectCallee() && Call->getDirectCallee()->getIdentifier() &&
               Call->getDirectCallee()->getName() == "pthread_join" &&
               Call->getNumArgs() > 0 && isOwnObject(Call->getArg(0))) {
      return Step::Stop;
    }
    if (const auto *Loop = dyn_cast<CXXForRangeStmt>(S);
        Loop && isOwnObject(Loop->getRangeInit()) && loopJoinsElements(Loop))
      return Step::Stop;
    return Step::Descend;
  });
  Summaries[Key] = Joins ? State::Joins : State::DoesNotJoin;
  return Joins;
}

bool JoinFinder::helperJoinsParam(const FunctionDecl *Helper, unsigned Index) {
  const FunctionDecl *Definition = nullptr;
  if (!Helper->hasBody(Definition) || !Definition ||
      Definition->isInvalidDecl() || Index >= Definition->getNumParams())
    return false;
  auto Key = std::make_pair(Definition, Index);
  auto [It, Inserted] = Summaries.try_emplace(Key, State::InProgress);
  if (!Inserted)
    return It->second == State::Joins;
  bool Joins = bodyJoins(Definition->getBody(), Definition->getParamDecl(Index));
  Summaries[Key] = Joins ? State::Joins : State::DoesNotJoin;
  return Joins;
}

} // namespace sessionlint
