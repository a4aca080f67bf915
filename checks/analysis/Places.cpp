#include "Places.h"
#include "Names.h"
#include "Walk.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace sessionlint {
namespace {

/// How many bindings deep a name is followed (`a = b; b = c; ...`).
constexpr unsigned MaxResolveDepth = 24;

const Expr *stripTemporaries(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<FullExpr>(E))
      E = F->getSubExpr();
    else if (const auto *O = dyn_cast<OpaqueValueExpr>(E); O && O->getSourceExpr())
      E = O->getSourceExpr();
    else
      return E;
  }
  return E;
}

/// Casts that keep naming the same object (or the same pointee).
bool keepsObject(CastKind K) {
  switch (K) {
  case CK_LValueToRValue:
  case CK_NoOp:
  case CK_DerivedToBase:
  case CK_UncheckedDerivedToBase:
  case CK_BaseToDerived:
  case CK_BitCast:
  case CK_ArrayToPointerDecay:
  case CK_AddressSpaceConversion:
  case CK_Dynamic:
  case CK_LValueBitCast:
    return true;
  default:
    return false;
  }
}

std::string recordName(QualType T) {
  const CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!R)
    return "";
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R))
    return qualifiedName(Spec->getSpecializedTemplate());
  return qualifiedName(R);
}

/// Standard and Boost types whose `*`, `->`, get() or value() name the
/// object they hold or point to.
bool isWrapper(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("std::unique_ptr", "std::shared_ptr", "std::weak_ptr", true)
      .Cases("std::optional", "std::reference_wrapper", true)
      .Cases("boost::shared_ptr", "boost::optional", "boost::reference_wrapper", true)
      .Cases("boost::scoped_ptr", "boost::intrusive_ptr", true)
      .Default(false);
}

bool isContainer(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("std::vector", "std::deque", "std::list", "std::array", true)
      .Cases("std::map", "std::unordered_map", "std::multimap", true)
      .Cases("std::set", "std::unordered_set", "std::forward_list", true)
      .Cases("std::stack", "std::queue", "std::priority_queue", true)
      .Cases("boost::container::vector", "boost::unordered_map", true)
      .Default(false);
}

bool isMapLike(llvm::StringRef Name) {
  return Name.ends_with("map");
}

bool isPair(QualType T) {
  std::string Name = recordName(T);
  return Name == "std::pair";
}

} // namespace

// --- helpers ----------------------------------------------------------------

bool refersElsewhere(QualType T, SessionTypeClassifier &Types) {
  if (T.isNull())
    return false;
  if (T->isReferenceType() || T->isPointerType())
    return true;
  std::string Name = recordName(T);
  if (Name == "std::shared_ptr" || Name == "std::weak_ptr" ||
      Name == "boost::shared_ptr" || Name == "std::reference_wrapper" ||
      Name == "boost::reference_wrapper")
    return true;
  // Qt's QSqlDatabase is a value handle to a named connection: its copies
  // share it, as a pointer's do.
  SessionType S = Types.classify(T);
  return S.CopyShares || S.isThreadAffine();
}

QualType elementTypeOf(QualType T) {
  if (T.isNull())
    return T;
  T = T.getNonReferenceType();
  if (const auto *Array = T->getAsArrayTypeUnsafe())
    return Array->getElementType();
  if (T->isPointerType())
    return T->getPointeeType();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec)
    return QualType();
  std::string Name = qualifiedName(Spec->getSpecializedTemplate());
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  unsigned Index = isMapLike(Name) ? 1 : 0;
  if (Args.size() > Index && Args[Index].getKind() == TemplateArgument::Type)
    return Args[Index].getAsType();
  return QualType();
}

std::optional<unsigned> memberBoundToParameter(const CXXConstructorDecl *Ctor,
                                               const FieldDecl *F) {
  const FunctionDecl *Definition = nullptr;
  if (!Ctor || !Ctor->hasBody(Definition) || !Definition)
    return std::nullopt;
  const auto *Def = cast<CXXConstructorDecl>(Definition);
  const FieldDecl *Canonical = F->getCanonicalDecl();
  auto ParamOf = [&](const Expr *E) -> std::optional<unsigned> {
    for (unsigned Step = 0; E && Step < 8; ++Step) {
      E = stripTemporaries(E)->IgnoreImplicit();
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
        if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl()))
          return Param->getFunctionScopeIndex();
        return std::nullopt;
      }
      if (const auto *Op = dyn_cast<UnaryOperator>(E);
          Op && (Op->getOpcode() == UO_AddrOf || Op->getOpcode() == UO_Deref))
        E = Op->getSubExpr();
      else if (const auto *Cast = dyn_cast<CastExpr>(E))
        E = Cast->getSubExpr();
      else if (const auto *Call = dyn_cast<CallExpr>(E);
               Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
               llvm::StringRef(qualifiedName(Call->getDirectCallee()))
                   .starts_with("std::"))
        E = Call->getArg(0); // std::move, std::ref, std::addressof
      else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
               Construct && Construct->getNumArgs() == 1)
        E = Construct->getArg(0);
      else
        return std::nullopt;
    }
    return std::nullopt;
  };
  for (const CXXCtorInitializer *Init : Def->inits())
    if (Init->isMemberInitializer() &&
        Init->getMember()->getCanonicalDecl() == Canonical && Init->isWritten())
      return ParamOf(Init->getInit());
  std::optional<unsigned> Found;
  walk(Def->getBody(), [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    const auto *Assign = dyn_cast<BinaryOperator>(S);
    if (!Assign || Assign->getOpcode() != BO_Assign)
      return Step::Descend;
    const auto *Member = dyn_cast<MemberExpr>(Assign->getLHS()->IgnoreParenImpCasts());
    if (Member && Member->getMemberDecl()->getCanonicalDecl() == Canonical &&
        isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts())) {
      Found = ParamOf(Assign->getRHS());
      return Step::Stop;
    }
    return Step::Descend;
  });
  return Found;
}

// --- Frame ------------------------------------------------------------------

Frame::Frame(const Decl *Function, const Stmt *Body, ASTContext &Ctx,
             SessionTypeClassifier &Types, ReturnedPlaces *Returns)
    : Function(Function), Body(Body), Ctx(Ctx), Types(Types), Returns(Returns) {
  collectAssignments();
}

Place Frame::placeOfVar(const VarDecl *V) const {
  if (std::optional<Place> Bound = bindingOf(V, 0))
    return *Bound;
  return Place::var(V, V->getType());
}

std::optional<Place> Frame::globalBinding(const VarDecl *V, unsigned Depth) const {
  // A global pointer or reference this body points at one of its own
  // objects (`g_conn = &c;`): here it names that object, whatever other
  // functions (a thread's) call it, first binding for the whole body as
  // for a local. Pointed elsewhere (`new`, another global), it stays
  // itself.
  const VarDecl *Key = V->getCanonicalDecl();
  auto A = Assigned.find(Key);
  if (A == Assigned.end() || !refersElsewhere(V->getType(), Types))
    return std::nullopt;
  auto [It, Inserted] = Bindings.try_emplace(Key, State::InProgress, Place());
  if (!Inserted)
    return It->second.first == State::Bound ? std::optional<Place>(It->second.second)
                                            : std::nullopt;
  std::optional<Place> Result = resolve(A->second, Depth + 1);
  if (Result && !(Result->root() == Place::Root::Var && declaresLocal(Result->rootVar())))
    Result.reset();
  It = Bindings.find(Key);
  It->second = Result ? std::make_pair(State::Bound, *Result)
                      : std::make_pair(State::Unbound, Place());
  return Result;
}

bool Frame::declaresLocal(const VarDecl *V) const {
  if (!V || isa<ParmVarDecl>(V) || V->isInitCapture() || V->hasGlobalStorage())
    return false;
  for (const DeclContext *DC = V->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *D = dyn_cast<Decl>(DC); D && D == Function)
      return true;
    // Another function or lambda: not ours.
    if (isa<FunctionDecl>(DC) || isa<BlockDecl>(DC))
      return false;
  }
  return false;
}

void Frame::collectAssignments() {
  walk(Body, [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    if (const auto *Loop = dyn_cast<CXXForRangeStmt>(S))
      if (const VarDecl *Element = Loop->getLoopVariable(); Element && Loop->getRangeInit())
        RangeOf.try_emplace(Element->getCanonicalDecl(), Loop->getRangeInit());
    const Expr *LHS = nullptr, *RHS = nullptr;
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->getOpcode() == BO_Assign) {
      LHS = Assign->getLHS();
      RHS = Assign->getRHS();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
               Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      LHS = Op->getArg(0);
      RHS = Op->getArg(1);
    }
    if (!LHS)
      return Step::Descend;
    LHS = LHS->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(LHS)) {
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
        Assigned.try_emplace(V->getCanonicalDecl(), RHS);
    } else if (const auto *Member = dyn_cast<MemberExpr>(LHS)) {
      const auto *F = dyn_cast<FieldDecl>(Member->getMemberDecl());
      const auto *Object = dyn_cast<DeclRefExpr>(Member->getBase()->IgnoreParenImpCasts());
      const auto *V = Object ? dyn_cast<VarDecl>(Object->getDecl()) : nullptr;
      if (F && V)
        AssignedMembers.try_emplace({V->getCanonicalDecl(), F->getCanonicalDecl()}, RHS);
    }
    return Step::Descend;
  });
}

std::optional<Place> Frame::placeOf(const Expr *E) const {
  return resolve(E, 0);
}

std::optional<Place> Frame::bindingOf(const VarDecl *V, unsigned Depth) const {
  if (V && V->hasGlobalStorage())
    return globalBinding(V, Depth);
  if (!declaresLocal(V))
    return std::nullopt;
  const VarDecl *Key = V->getCanonicalDecl();
  auto [It, Inserted] = Bindings.try_emplace(Key, State::InProgress, Place());
  if (!Inserted) {
    if (It->second.first == State::Bound)
      return It->second.second;
    return std::nullopt; // Unbound, or a cycle.
  }
  std::optional<Place> Result;
  QualType T = V->getType();
  const Expr *Init = V->getInit();
  bool Refers = refersElsewhere(T, Types);
  SessionType Session = Types.classify(T);
  if (auto Range = RangeOf.find(Key); Range != RangeOf.end() && Refers) {
    // `for (auto &c : conns)`, `for (sqlite3 *h : handles)`: an element of
    // the range, whatever its iterators are made of.
    if (std::optional<Place> C = resolve(Range->second, Depth + 1))
      Result = C->element(elementTypeOf(Range->second->getType()));
  } else if (Init && Refers) {
    Result = resolve(Init, Depth + 1);
  } else if (Init && Session.Result != Verdict::NotSession && !Session.Holder) {
    // An object built on a session shares its world (SPEC 2.4): a
    // transaction on a connection, a collection taken from a client. A
    // plain copy of a session is a new one.
    const Expr *Stripped = stripTemporaries(Init)->IgnoreImplicit();
    auto SessionArg = [&](const Expr *Arg) -> std::optional<Place> {
      std::optional<Place> P = resolve(Arg, Depth + 1);
      if (P && Types.classify(P->type()).Result == Session.Result)
        return P;
      return std::nullopt;
    };
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Stripped)) {
      if (!Construct->getConstructor() ||
          !Construct->getConstructor()->isCopyOrMoveConstructor())
        for (const Expr *Arg : Construct->arguments())
          if ((Result = SessionArg(Arg)))
            break;
    } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Stripped)) {
      Result = SessionArg(Member->getImplicitObjectArgument());
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Stripped);
               Op && Op->getNumArgs() > 0) {
      Result = SessionArg(Op->getArg(0));
    }
  } else if (Init && !Refers) {
    // An iterator into a container names its elements.
    const Expr *Stripped = stripTemporaries(Init)->IgnoreImplicit();
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Stripped))
      if (const CXXMethodDecl *M = Member->getMethodDecl();
          M && isContainer(recordName(Member->getImplicitObjectArgument()->getType())) &&
          (M->getName().contains("begin") || M->getName() == "find" ||
           M->getName().ends_with("_bound")))
        if (std::optional<Place> C =
                resolve(Member->getImplicitObjectArgument(), Depth + 1))
          Result = C->element(
              elementTypeOf(Member->getImplicitObjectArgument()->getType()));
  }
  if (!Result)
    if (auto A = Assigned.find(Key); A != Assigned.end() && Refers)
      Result = resolve(A->second, Depth + 1);
  It = Bindings.find(Key);
  It->second = Result ? std::make_pair(State::Bound, *Result)
                      : std::make_pair(State::Unbound, Place());
  return Result;
}

std::optional<Place> Frame::boundByInit(const Expr *Init, const FieldDecl *F,
                                        unsigned Depth) const {
  Init = stripTemporaries(Init);
  if (!Init)
    return std::nullopt;
  Init = Init->IgnoreImplicit();
  if (const auto *List = dyn_cast<InitListExpr>(Init)) {
    if (const InitListExpr *Semantic = List->getSemanticForm())
      List = Semantic;
    unsigned Index = F->getFieldIndex();
    if (Index < List->getNumInits())
      return resolve(List->getInit(Index), Depth + 1);
    return std::nullopt;
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(Init))
    return New->getInitializer() ? boundByInit(New->getInitializer(), F, Depth + 1)
                                 : std::nullopt;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor)
      return std::nullopt;
    if (Ctor->isCopyOrMoveConstructor() && Construct->getNumArgs() >= 1) {
      // A copy points where the original points.
      if (std::optional<Place> Source = resolve(Construct->getArg(0), Depth + 1))
        return fieldBinding(*Source, F, Depth + 1);
      return std::nullopt;
    }
    if (std::optional<unsigned> Index = memberBoundToParameter(Ctor, F);
        Index && *Index < Construct->getNumArgs())
      return resolve(Construct->getArg(*Index), Depth + 1);
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Init)) {
    // std::make_shared<Worker>(db), std::make_unique<Worker>(db): Worker's
    // constructor with as many parameters as arguments.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return std::nullopt;
    std::string Name = qualifiedName(Callee);
    if (Name != "std::make_shared" && Name != "std::make_unique" &&
        Name != "boost::make_shared")
      return std::nullopt;
    QualType Made = elementTypeOf(Call->getType());
    if (Made.isNull())
      if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
              Call->getType()->getAsCXXRecordDecl());
          Spec && Spec->getTemplateArgs().size() > 0 &&
          Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
        Made = Spec->getTemplateArgs()[0].getAsType();
    const CXXRecordDecl *Record = Made.isNull() ? nullptr : Made->getAsCXXRecordDecl();
    if (!Record || !Record->hasDefinition())
      return std::nullopt;
    const CXXConstructorDecl *Match = nullptr;
    for (const CXXConstructorDecl *Ctor : Record->getDefinition()->ctors())
      if (!Ctor->isCopyOrMoveConstructor() &&
          Ctor->getNumParams() == Call->getNumArgs()) {
        if (Match)
          return std::nullopt; // Ambiguous: no guess.
        Match = Ctor;
      }
    if (std::optional<unsigned> Index = memberBoundToParameter(Match, F);
        Index && *Index < Call->getNumArgs())
      return resolve(Call->getArg(*Index), Depth + 1);
  }
  return std::nullopt;
}

std::optional<Place> Frame::fieldBinding(const Place &Object, const FieldDecl *F,
                                         unsigned Depth) const {
  if (Depth > MaxResolveDepth || Object.depth() != 0)
    return std::nullopt;
  if (const Expr *Temp = Object.rootTemp())
    return boundByInit(Temp, F, Depth);
  const VarDecl *V = Object.rootVar();
  if (!V)
    return std::nullopt;
  if (!declaresLocal(V) && !V->hasGlobalStorage())
    return std::nullopt;
  auto A = AssignedMembers.find({V->getCanonicalDecl(), F->getCanonicalDecl()});
  if (A != AssignedMembers.end())
    if (std::optional<Place> P = resolve(A->second, Depth + 1))
      return P;
  if (const Expr *Init = V->getInit())
    return boundByInit(Init, F, Depth);
  return std::nullopt;
}

std::optional<Place> Frame::callResult(const CallExpr *Call, unsigned Depth) const {
  if (!Returns || Depth > MaxResolveDepth)
    return std::nullopt;
  return Returns->returnedPlace(Call, *this);
}

namespace {

/// `std::this_thread::get_id()`, `pthread_self()`, `QThread::currentThreadId()`
/// (or a local initialised with one): a key that is another one on every
/// thread, so the element it selects is the calling thread's own.
bool isCurrentThreadKey(const Expr *Index) {
  for (unsigned Hop = 0; Index && Hop < 3; ++Hop) {
    Index = Index->IgnoreParenImpCasts();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Index);
        Construct && Construct->getNumArgs() == 1)
      Index = Construct->getArg(0)->IgnoreParenImpCasts();
    if (const auto *Call = dyn_cast<CallExpr>(Index)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee)
        return false;
      std::string Name = qualifiedName(Callee);
      return Name == "std::this_thread::get_id" || Name == "pthread_self" ||
             Name == "QThread::currentThreadId" || Name == "QThread::currentThread" ||
             Name == "gettid" || Name == "boost::this_thread::get_id";
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(Index);
    const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!V || !V->isLocalVarDecl() || !V->getInit())
      return false;
    Index = V->getInit();
  }
  return false;
}

} // namespace

std::optional<Place> Frame::resolve(const Expr *E, unsigned Depth) const {
  if (!E || Depth > MaxResolveDepth || E->containsErrors())
    return std::nullopt;
  E = stripTemporaries(E);
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    // `static_cast<sqlite3 *>(arg)` of a thread function's `void *`: the
    // same object, now known by its type.
    if (isa<ExplicitCastExpr>(Cast) && Cast->getType()->isPointerType() &&
        Cast->getSubExpr()->IgnoreParenImpCasts()->getType()->isVoidPointerType()) {
      std::optional<Place> P = resolve(Cast->getSubExpr(), Depth + 1);
      if (P && P->type()->isVoidPointerType())
        return P->prefix(P->depth(), Cast->getType());
      return P;
    }
    if (keepsObject(Cast->getCastKind()) || isa<ExplicitCastExpr>(Cast))
      if (Cast->getCastKind() != CK_NullToPointer &&
          Cast->getCastKind() != CK_IntegralToPointer &&
          Cast->getCastKind() != CK_ConstructorConversion &&
          Cast->getCastKind() != CK_UserDefinedConversion)
        return resolve(Cast->getSubExpr(), Depth + 1);
    if (Cast->getCastKind() == CK_ConstructorConversion)
      return resolve(Cast->getSubExpr(), Depth + 1);
    return std::nullopt;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
    if (!V)
      return std::nullopt;
    // A thread_local session is another object on every thread that names
    // it: no name of it is shared between a task and its spawner.
    if (V->getTLSKind() != VarDecl::TLS_None)
      return std::nullopt;
    if (!V->hasGlobalStorage())
      if (std::optional<Place> Bound = bindingOf(V, Depth + 1))
        return Bound;
    // `[self = shared_from_this()]`: in the lambda, self is the object
    // the enclosing member function runs on, as `this` is.
    if (V->isInitCapture() && V->getInit())
      if (std::optional<Place> Init = resolve(V->getInit(), Depth + 1);
          Init && Init->root() == Place::Root::This && Init->depth() == 0)
        return Init;
    return Place::var(V, V->getType());
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    if (const auto *Static = dyn_cast<VarDecl>(Member->getMemberDecl()))
      return Place::var(Static, Static->getType());
    const auto *F = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!F)
      return std::nullopt;
    std::optional<Place> Base = resolve(Member->getBase(), Depth + 1);
    if (!Base)
      return std::nullopt;
    // pair::first / pair::second of a map element are the element.
    if (isPair(Member->getBase()->getType().getNonReferenceType()->isPointerType()
                   ? Member->getBase()->getType()->getPointeeType()
                   : Member->getBase()->getType()))
      return Base;
    if (refersElsewhere(F->getType(), Types))
      if (std::optional<Place> Bound = fieldBinding(*Base, F, Depth + 1))
        return Bound;
    return Base->field(F);
  }
  if (isa<CXXThisExpr>(E))
    return Place::self(E->getType()->getPointeeType());
  if (const auto *Op = dyn_cast<UnaryOperator>(E)) {
    if (Op->getOpcode() == UO_Deref || Op->getOpcode() == UO_AddrOf)
      return resolve(Op->getSubExpr(), Depth + 1);
    return std::nullopt;
  }
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
    if (std::optional<Place> Base = resolve(Subscript->getBase(), Depth + 1))
      return Base->element(E->getType());
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    OverloadedOperatorKind K = Op->getOperator();
    if ((K == OO_Star || K == OO_Arrow) && Op->getNumArgs() == 1) {
      std::string Name = recordName(Op->getArg(0)->getType());
      if (isWrapper(Name) || !Types.classify(Op->getArg(0)->getType()).isUnsafe())
        return resolve(Op->getArg(0), Depth + 1);
    }
    if (K == OO_Subscript && Op->getNumArgs() == 2 &&
        isContainer(recordName(Op->getArg(0)->getType()))) {
      if (isCurrentThreadKey(Op->getArg(1)))
        return std::nullopt; // The calling thread's own element.
      if (std::optional<Place> Base = resolve(Op->getArg(0), Depth + 1))
        return Base->element(E->getType());
    }
    return callResult(Op, Depth);
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!M || !Object)
      return std::nullopt;
    std::string Owner = recordName(Object->getType()->isPointerType()
                                       ? Object->getType()->getPointeeType()
                                       : Object->getType());
    llvm::StringRef Name = M->getName();
    if (isWrapper(Owner) &&
        (Name == "get" || Name == "value" || Name == "lock" || Name == "operator*"))
      return resolve(Object, Depth + 1);
    if (isContainer(Owner) && (Name == "at" || Name == "find") && Call->getNumArgs() == 1 &&
        isCurrentThreadKey(Call->getArg(0)))
      return std::nullopt; // The calling thread's own element.
    if (isContainer(Owner) && (Name == "at" || Name == "front" ||
                               Name == "back" || Name == "top"))
      if (std::optional<Place> Base = resolve(Object, Depth + 1))
        return Base->element(E->getType());
    if (Name == "shared_from_this" || Name == "weak_from_this")
      return resolve(Object, Depth + 1);
    return callResult(Call, Depth);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return std::nullopt;
    if (Call->getNumArgs() >= 1) {
      std::string Name = qualifiedName(Callee);
      if (Name == "std::move" || Name == "std::forward" || Name == "std::ref" ||
          Name == "std::cref" || Name == "std::addressof" ||
          Name == "std::as_const" || Name == "boost::ref" ||
          Name == "boost::cref" || Name == "std::static_pointer_cast" ||
          Name == "std::dynamic_pointer_cast" ||
          Name == "std::const_pointer_cast" ||
          Name == "std::reinterpret_pointer_cast")
        return resolve(Call->getArg(0), Depth + 1);
    }
    return callResult(Call, Depth);
  }
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    std::optional<Place> A = resolve(Cond->getTrueExpr(), Depth + 1);
    std::optional<Place> B = resolve(Cond->getFalseExpr(), Depth + 1);
    if (A && B && *A == *B)
      return A;
    return std::nullopt;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    // A copy of a handle or a shared_ptr is the same object; a wrapper
    // built from a pointer (`std::shared_ptr<Conn> sp(p)`) points at it.
    if (Construct->getNumArgs() >= 1 && refersElsewhere(E->getType(), Types) &&
        (!Ctor || Ctor->isCopyOrMoveConstructor() ||
         (Ctor->getNumParams() > 0 &&
          refersElsewhere(Ctor->getParamDecl(0)->getType(), Types))))
      return resolve(Construct->getArg(0), Depth + 1);
    return Place::temp(E);
  }
  if (isa<InitListExpr, CXXNewExpr, LambdaExpr>(E))
    return Place::temp(E);
  return std::nullopt;
}

Place Frame::canonical(const Place &P) const {
  if (P.depth() == 0 || P.root() == Place::Root::Key)
    return P;
  // Rebuild the path from the root, replacing every bound reference or
  // pointer member by its object.
  Place Cur = P.prefix(0, QualType());
  if (const VarDecl *V = P.rootVar())
    Cur = Place::var(V, V->getType());
  for (size_t I = 0; I < P.depth(); ++I) {
    const void *Step = P.step(I);
    if (Step == Place::elementStep()) {
      Cur = Cur.element(elementTypeOf(Cur.type()));
      continue;
    }
    const auto *F = static_cast<const FieldDecl *>(Step);
    Place Next = Cur.field(F);
    if (refersElsewhere(F->getType(), Types))
      if (std::optional<Place> Bound = fieldBinding(Cur, F, 0))
        Next = *Bound;
    Cur = Next;
  }
  return Cur;
}

} // namespace sessionlint
