#include "Summaries.h"
#include "clang/Basic/Version.h"
#include "Engine.h"
#include "Names.h"
#include "Tasks.h"
#include "Walk.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace sessionlint {
namespace {

const Stmt *bodyOf(const Decl *Function) {
  const Stmt *Body = Function->getBody();
  if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    Body = Coroutine->getBody();
  return Body;
}

/// A standard container's or smart pointer's member function that hands
/// out an element or says something about the container (`conns[i]`,
/// `at`, `front`, `*p`, `get`, `size`): it touches no session the container
/// holds; what is done with the element it returns is the use.
bool isElementAccessor(const CXXMethodDecl *M) {
  std::string Class = qualifiedName(M->getParent());
  if (!llvm::StringRef(Class).starts_with("std::"))
    return false;
  switch (M->getOverloadedOperator()) {
  case OO_Subscript:
  case OO_Star:
  case OO_Arrow:
    return true;
  case OO_None:
    break;
  default:
    return false;
  }
  if (!M->getIdentifier())
    return isa<CXXConversionDecl>(M); // `if (ptr)`
  return llvm::is_contained({llvm::StringRef("at"), llvm::StringRef("front"),
                             llvm::StringRef("back"), llvm::StringRef("get"),
                             llvm::StringRef("value"), llvm::StringRef("size"),
                             llvm::StringRef("empty"), llvm::StringRef("begin"),
                             llvm::StringRef("end"), llvm::StringRef("cbegin"),
                             llvm::StringRef("cend"), llvm::StringRef("data"),
                             llvm::StringRef("find"), llvm::StringRef("count"),
                             llvm::StringRef("contains"), llvm::StringRef("has_value")},
                            M->getName());
}

bool returnsReference(const Decl *Function) {
  const auto *F = dyn_cast<FunctionDecl>(Function);
  if (!F)
    return false;
  QualType T = F->getReturnType();
  return T->isReferenceType() || T->isPointerType();
}

} // namespace

void Summary::add(Access A) {
  for (const Access &Old : Accesses)
    if (Old.Target == A.Target && Old.Kind == A.Kind && Old.Where == A.Where &&
        Old.Deferred == A.Deferred && Old.ByTask == A.ByTask &&
        Old.Held == A.Held)
      return;
  if (Accesses.size() >= SummaryTable::MaxAccesses)
    return;
  Accesses.push_back(std::move(A));
}

// --- the walk over one body -------------------------------------------------

class SummaryTable::Builder {
public:
  Builder(SummaryTable &T, const Decl *Function, const Frame &Fr, Summary &Out)
      : T(T), Function(Function), Fr(Fr), Out(Out),
        SM(T.Ctx.getSourceManager()) {}

  /// Walks Root (the body, or an OpenMP region of it) with Initial held.
  void run(const Stmt *Root, Lockset Initial) {
    collectTaskLambdas(Root);
    Contexts.push_back({std::move(Initial), {}});
    Stack.push_back({Root, 0, false});
    while (!Stack.empty()) {
      Item I = Stack.pop_back_val();
      visit(I);
    }
  }

private:
  struct Context {
    Lockset Base;
    llvm::SmallVector<HeldLock, 2> Dynamic;
  };
  struct Item {
    const Stmt *S;
    unsigned Ctx;
    /// A statement of a block: what it locks holds for the ones after it.
    bool Direct;
  };

  Lockset held(unsigned C) const {
    Lockset L = Contexts[C].Base;
    for (const HeldLock &H : Contexts[C].Dynamic)
      unite(L, {H.Mutex});
    return L;
  }

  void push(const Stmt *S, unsigned Ctx) {
    if (S)
      Stack.push_back({S, Ctx, false});
  }
  void pushChildren(const Stmt *S, unsigned Ctx) {
    llvm::SmallVector<const Stmt *, 8> Children;
    for (const Stmt *Child : S->children())
      if (Child)
        Children.push_back(Child);
    for (const Stmt *Child : llvm::reverse(Children))
      Stack.push_back({Child, Ctx, false});
  }

  /// Lambdas that are the callables of spawn sites in this body: they are
  /// tasks, not code of this function.
  void collectTaskLambdas(const Stmt *Root) {
    walk(Root, [&](const Stmt *S) {
      if (const SpawnSite *Site = T.spawnAt(S))
        for (const Expr *Callable : Site->Callables)
          if (const LambdaExpr *L = lambdaOf(Callable))
            TaskLambdas.insert(L);
      return Step::Descend;
    });
  }

  void add(const Place &P, OpKind Kind, const Lockset &Held, const Stmt *Where,
           bool Deferred = false, const Stmt *ByTask = nullptr) {
    Access A;
    A.Target = P;
    A.Kind = streamRule(P.type()) ? Kind : OpKind::Exclusive;
    A.Held = Held;
    A.Where = Where;
    A.Deferred = Deferred;
    A.ByTask = ByTask;
    Out.add(std::move(A));
  }

  /// A use of what P names: the session itself, or each session a holder
  /// holds when the holder goes to code we cannot see.
  /// Seen: the type the code we cannot see knows the object as (a base
  /// class's member function reaches only the base's part), if not P's own.
  void use(const Place &P, OpKind Kind, const Lockset &Held, const Stmt *Where,
           bool Opaque, QualType Seen = QualType()) {
    if (T.isSessionLeaf(P.type())) {
      add(P, Kind, Held, Where);
      return;
    }
    if (Opaque)
      forEachLeaf(P, Seen.isNull() ? P.type() : Seen, 0, [&](const Place &Leaf) {
        add(Leaf, OpKind::Exclusive, Held, Where);
      });
  }

  void forEachLeaf(const Place &P, QualType Type, unsigned Depth,
                   llvm::function_ref<void(const Place &)> Visit) {
    if (Depth > 3)
      return;
    QualType Object = Type.getNonReferenceType();
    if (Object->isPointerType())
      Object = Object->getPointeeType();
    const CXXRecordDecl *Record = Object->getAsCXXRecordDecl();
    if (!Record || !Record->hasDefinition())
      return;
    for (const FieldDecl *F : Record->getDefinition()->fields()) {
      QualType FT = F->getType();
      SessionType S = T.Types.classify(FT);
      if (S.Result != Verdict::Unsafe && S.Result != Verdict::ThreadAffine)
        continue;
      Place Member = Fr.canonical(P.field(F));
      if (!S.Holder)
        Visit(Member);
      else
        forEachLeaf(Member, FT, Depth + 1, Visit);
    }
  }

  void visit(const Item &I) {
    const Stmt *S = I.S;
    if (I.Direct)
      applyLockStatement(S, Fr, Contexts[I.Ctx].Dynamic);
    if (const auto *E = dyn_cast<Expr>(S); E && E->containsErrors())
      return; // Half-typed code: nothing to say about it.
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      unsigned C = Contexts.size();
      Contexts.push_back({held(I.Ctx), {}});
      llvm::SmallVector<const Stmt *, 16> Children(Block->body_begin(),
                                                   Block->body_end());
      for (const Stmt *Child : llvm::reverse(Children))
        if (Child)
          Stack.push_back({Child, C, true});
      return;
    }
    if (const SpawnSite *Site = T.spawnAt(S)) {
      spawn(*Site, I.Ctx);
      return;
    }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      if (!TaskLambdas.contains(Lambda))
        deferredLambda(Lambda);
      return;
    }
    if (const auto *D = dyn_cast<OMPExecutableDirective>(S)) {
      unsigned C = I.Ctx;
      if (std::optional<Place> Key = lockOfDirective(D)) {
        C = Contexts.size();
        Lockset Base = held(I.Ctx);
        unite(Base, {*Key});
        Contexts.push_back({std::move(Base), {}});
      }
      // `section`, `critical`, `single` have a plain statement; the others
      // a captured one around it.
      if (D->hasAssociatedStmt()) {
        const Stmt *Body = D->getAssociatedStmt();
        while (const auto *Captured = dyn_cast_or_null<CapturedStmt>(Body))
          Body = Captured->getCapturedStmt();
        push(Body, C);
      }
      return;
    }
    if (const auto *Captured = dyn_cast<CapturedStmt>(S)) {
      push(Captured->getCapturedStmt(), I.Ctx);
      return;
    }
    // Binding a reference, a pointer or a handle to a session is not a use
    // of it: `auto &c = db;`, `Args a{&db};`, `p = &db;`. The uses through
    // the new name are.
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      // Named: a temporary in the range of a range-for would die before
      // the loop runs (C++20), and `int a, b, c;` holds its decls on the heap.
      llvm::SmallVector<const Decl *, 2> Declared(Decls->decl_begin(), Decls->decl_end());
      for (const Decl *D : llvm::reverse(Declared))
        if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit())
          if (!(refersElsewhere(V->getType(), T.Types) && nameOnly(V->getInit())))
            push(V->getInit(), I.Ctx);
      return;
    }
    if (const auto *List = dyn_cast<InitListExpr>(S)) {
      const InitListExpr *Semantic = List->isSemanticForm() ? List : List->getSemanticForm();
      const RecordDecl *Record =
          Semantic ? Semantic->getType()->getAsRecordDecl() : nullptr;
      if (Record && Semantic) {
        llvm::SmallVector<const FieldDecl *, 8> Fields(Record->fields());
        for (unsigned Index = Semantic->getNumInits(); Index-- > 0;) {
          const Expr *Init = Semantic->getInit(Index);
          if (Index < Fields.size() && refersElsewhere(Fields[Index]->getType(), T.Types) &&
              nameOnly(Init))
            continue;
          push(Init, I.Ctx);
        }
        return;
      }
    }
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->getOpcode() == BO_Assign &&
        refersElsewhere(Assign->getLHS()->getType(), T.Types) &&
        nameOnly(Assign->getRHS())) {
      push(Assign->getLHS(), I.Ctx);
      return;
    }
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      if (Return->getRetValue() && returnsReference(Function)) {
        if (!Out.Returns)
          Out.Returns = Fr.placeOf(Return->getRetValue());
        // Handing out a reference or a pointer (an accessor's `return
        // m_Socket;`) is no use of the object: the caller uses what it
        // gets, where it uses it.
        if (nameOnly(Return->getRetValue()))
          return;
      }
      pushChildren(S, I.Ctx);
      return;
    }
    if (hasUnevaluatedOperands(*S))
      return; // Unevaluated: sizeof, noexcept, requires, typeid of a type.
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      call(Call, I.Ctx);
      return;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      construct(Construct, I.Ctx);
      return;
    }
    if (isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr, CXXThisExpr>(S) ||
        (isa<UnaryOperator>(S) &&
         (cast<UnaryOperator>(S)->getOpcode() == UO_Deref ||
          cast<UnaryOperator>(S)->getOpcode() == UO_AddrOf))) {
      mention(cast<Expr>(S), I.Ctx);
      return;
    }
    pushChildren(S, I.Ctx);
  }

  void mention(const Expr *E, unsigned Ctx) {
    std::optional<Place> P = nameOnly(E);
    if (!P) {
      pushChildren(E, Ctx);
      return;
    }
    use(*P, OpKind::Exclusive, held(Ctx), E, /*Opaque=*/false);
  }

  /// The place E names, when E only names it: a variable, a member, `this`,
  /// a dereference. A temporary is built here, and building it is code of
  /// this function; a call is too.
  std::optional<Place> nameOnly(const Expr *E) const {
    std::optional<Place> P = Fr.placeOf(E);
    if (P && P->root() == Place::Root::Temp)
      return std::nullopt;
    return P;
  }

  /// Walks the arguments the summary of the callee does not account for:
  /// those that are not plain names of objects.
  void walkUnnamed(llvm::ArrayRef<const Expr *> Args, unsigned Ctx) {
    for (const Expr *Arg : llvm::reverse(Args))
      if (!nameOnly(Arg))
        push(Arg, Ctx);
  }

  /// Arguments handed to code we cannot see: each session among them is
  /// used; each holder passed by reference or pointer has its sessions used.
  void opaqueArguments(const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args,
                       unsigned FirstParam, llvm::StringRef Name, unsigned Ctx) {
    Lockset Held = held(Ctx);
    // A lambda handed to a call next to a strand runs on that strand
    // (bind_executor(strand_, f), dispatch(strand_, f)).
    std::optional<Place> Strand;
    for (const Expr *Arg : Args)
      if (isStrand(Arg->getType()))
        Strand = Fr.placeOf(Arg);
    for (unsigned I = 0; I < Args.size(); ++I) {
      const Expr *Arg = Args[I];
      if (isa<CXXDefaultArgExpr>(Arg))
        continue;
      if (const LambdaExpr *L = dyn_cast<LambdaExpr>(stripForwarding(Arg))) {
        if (Strand)
          LambdaLocks[L] = {*Strand};
        push(L, Ctx);
        continue;
      }
      std::optional<Place> P = nameOnly(Arg);
      if (!P) {
        push(Arg, Ctx);
        continue;
      }
      bool ByReference = true;
      if (Callee && FirstParam + I < Callee->getNumParams()) {
        QualType Param = Callee->getParamDecl(FirstParam + I)->getType();
        ByReference = Param->isReferenceType() || Param->isPointerType() ||
                      Param->isDependentType();
      }
      const Expr *Where = stripForwarding(Arg);
      if (const auto *AddrOf = dyn_cast<UnaryOperator>(Where);
          AddrOf && AddrOf->getOpcode() == UO_AddrOf)
        Where = AddrOf->getSubExpr();
      use(*P, I == 0 ? useKindOf(Name) : OpKind::Exclusive, Held, Where,
          /*Opaque=*/ByReference);
    }
  }

  void call(const CallExpr *Call, unsigned Ctx) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    llvm::SmallVector<const Expr *, 4> Args(Call->arguments());
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      memberCall(Member, Ctx);
      return;
    }
    if (!Callee) {
      // Through a function pointer or std::function: what it runs is not
      // in view.
      opaqueArguments(nullptr, Args, 0, "", Ctx);
      push(Call->getCallee(), Ctx);
      return;
    }
    if (isStdMove(Call)) {
      push(Call->getArg(0), Ctx);
      return;
    }
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    if (Method && Method->getParent()->isLambda()) {
      // `task()`: a lambda called here runs here.
      if (const LambdaExpr *L = lambdaOf(Call->getArg(0)))
        inlineLambda(L, Ctx, Call);
      walkUnnamed(llvm::ArrayRef(Args).drop_front(), Ctx);
      return;
    }
    if (const FunctionDecl *Def = T.definitionOf(Callee)) {
      applySummary(Def, Call, Ctx);
      walkUnnamed(Args, Ctx);
      return;
    }
    if (T.bodySkipped(Callee)) {
      walkUnnamed(Args, Ctx);
      return;
    }
    llvm::StringRef Name = Callee->getIdentifier() ? Callee->getName() : "";
    if (Op && Method && isElementAccessor(Method)) {
      walkUnnamed(Args, Ctx);
      return;
    }
    if (Op && SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())) &&
        llvm::none_of(Args, [&](const Expr *Arg) { return T.isSessionLeaf(Arg->getType()); })) {
      // A library iterator's `++`, `!=`, `*`: what it points at is used
      // where the element is, not by moving or comparing the iterator.
      walkUnnamed(Args, Ctx);
      return;
    }
    if (Op && Method) {
      // An operator of a class we cannot see: the object is used.
      if (std::optional<Place> P = nameOnly(Args[0]))
        use(*P, OpKind::Exclusive, held(Ctx), stripForwarding(Args[0]), true);
      else
        push(Args[0], Ctx);
      opaqueArguments(Callee, llvm::ArrayRef(Args).drop_front(), 0, "", Ctx);
      return;
    }
    opaqueArguments(Callee, Args, 0, Name, Ctx);
  }

  void memberCall(const CXXMemberCallExpr *Call, unsigned Ctx) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const Expr *Object = Call->getImplicitObjectArgument();
    llvm::SmallVector<const Expr *, 4> Args(Call->arguments());
    if (!Method || !Object) {
      pushChildren(Call, Ctx);
      return;
    }
    std::optional<Place> Self = Fr.placeOf(Object);
    if (!nameOnly(Object))
      push(Object, Ctx);
    // A virtual call through a base (`threadedFunction()` in a base class's
    // thread loop) may run any overrider defined here.
    llvm::ArrayRef<const CXXMethodDecl *> Overriders;
    if (const auto *Callee = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
        Callee && !Callee->hasQualifier() && Method->isVirtual())
      Overriders = T.overridersOf(Method);
    for (const CXXMethodDecl *Overrider : Overriders)
      if (const FunctionDecl *Def = T.definitionOf(Overrider))
        applySummary(Def, Call, Ctx);
    if (const FunctionDecl *Def = T.definitionOf(Method)) {
      // A method of a session class (annotated, or the user's own
      // SessionTypes) is a use of it, whatever it does inside.
      if (Self && T.isSessionLeaf(Self->type()))
        add(*Self, Method->getIdentifier() ? useKindOf(Method->getName()) : OpKind::Exclusive,
            held(Ctx), stripForwarding(Object));
      applySummary(Def, Call, Ctx);
      walkUnnamed(Args, Ctx);
      return;
    }
    if (T.bodySkipped(Method)) {
      if (Self && T.isSessionLeaf(Self->type()))
        add(*Self, Method->getIdentifier() ? useKindOf(Method->getName()) : OpKind::Exclusive,
            held(Ctx), stripForwarding(Object));
      walkUnnamed(Args, Ctx);
      return;
    }
    if (!Overriders.empty()) {
      walkUnnamed(Args, Ctx);
      return;
    }
    // A task handle's own member functions (`activity_.isStopped()`,
    // `thread_.join()`) start, ask about or join a task; the task's body is
    // the spawn's, not a use of what the handle points to.
    if (Self && !isTaskHandleName(qualifiedName(Method->getParent())) &&
        !isElementAccessor(Method)) {
      // A library base class's member function (QThread::wait() on a
      // Worker) cannot touch the members the derived class adds.
      QualType Seen;
      QualType ObjectType = Self->type().getNonReferenceType();
      if (ObjectType->isPointerType())
        ObjectType = ObjectType->getPointeeType();
      if (const CXXRecordDecl *Own = ObjectType->getAsCXXRecordDecl();
          Own && Own->hasDefinition() && Own->isDerivedFrom(Method->getParent()))
#if CLANG_VERSION_MAJOR < 22
        Seen = T.Ctx.getRecordType(Method->getParent());
#else
        Seen = T.Ctx.getCanonicalTagType(Method->getParent());
#endif
      use(*Self, Method->getIdentifier() ? useKindOf(Method->getName()) : OpKind::Exclusive,
          held(Ctx), stripForwarding(Object), /*Opaque=*/true, Seen);
    }
    opaqueArguments(Method, Args, 0, "", Ctx);
  }

  void construct(const CXXConstructExpr *Construct, unsigned Ctx) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    llvm::SmallVector<const Expr *, 4> Args(Construct->arguments());
    if (!Ctor) {
      pushChildren(Construct, Ctx);
      return;
    }
    if (Ctor->isCopyOrMoveConstructor()) {
      // A copy reads its source; a move takes it over.
      if (Ctor->isMoveConstructor())
        return;
      if (Args.size() == 1) {
        if (std::optional<Place> P = nameOnly(Args[0])) {
          use(*P, OpKind::Exclusive, held(Ctx), stripForwarding(Args[0]), false);
          return;
        }
      }
      pushChildren(Construct, Ctx);
      return;
    }
    if (const FunctionDecl *Def = T.definitionOf(Ctor)) {
      applySummary(Def, Construct, Ctx);
      walkUnnamed(Args, Ctx);
      return;
    }
    if (T.bodySkipped(Ctor)) {
      walkUnnamed(Args, Ctx);
      return;
    }
    opaqueArguments(Ctor, Args, 0, "", Ctx);
  }

  void spawn(const SpawnSite &Site, unsigned Ctx) { T.recordSpawn(Site, Fr, Out, held(Ctx)); }

  /// A lambda written here and run later (a callback, a completion
  /// handler): its uses count, in no particular order, under its own
  /// locks.
  void deferredLambda(const LambdaExpr *L) {
    Lockset Extra;
    if (auto It = LambdaLocks.find(L); It != LambdaLocks.end())
      Extra = It->second;
    TaskModel Model(T);
    for (TaskAccess &A : Model.lambdaAccesses(L, Fr, Extra, /*Arguments=*/{})) {
      A.Use.Where = L;
      A.Use.Deferred = true;
      Out.add(std::move(A.Use));
    }
  }

  /// A lambda called right here (`[&] { ... }()`, `task()`).
  void inlineLambda(const LambdaExpr *L, unsigned Ctx, const CallExpr *Call) {
    TaskModel Model(T);
    Lockset Around = held(Ctx);
    for (TaskAccess &A : Model.lambdaAccesses(L, Fr, {}, {})) {
      A.Use.Where = Call;
      unite(A.Use.Held, Around);
      Out.add(std::move(A.Use));
    }
  }

  /// What the callee does, moved into this frame at Call.
  void applySummary(const FunctionDecl *Def, const Expr *Call, unsigned Ctx) {
    T.applyCallee(Def, Call, Fr, held(Ctx), Out);
  }

  SummaryTable &T;
  const Decl *Function;
  const Frame &Fr;
  Summary &Out;
  const SourceManager &SM;
  std::vector<Context> Contexts;
  llvm::SmallVector<Item, 64> Stack;
  llvm::SmallPtrSet<const LambdaExpr *, 4> TaskLambdas;
  llvm::DenseMap<const LambdaExpr *, Lockset> LambdaLocks;
};

// --- the table --------------------------------------------------------------

SummaryTable::SummaryTable(ASTContext &Ctx, SessionTypeClassifier &Types,
                           JoinFinder &Joins,
                           const llvm::DenseMap<const Stmt *, SpawnSite> &Spawns)
    : Ctx(Ctx), Types(Types), Joins(Joins), Spawns(Spawns), Submissions(Ctx, Spawns) {}

SummaryTable::~SummaryTable() = default;

const SpawnSite *SummaryTable::spawnAt(const Stmt *S) const {
  auto It = Spawns.find(S);
  return It == Spawns.end() ? nullptr : &It->second;
}

bool SummaryTable::isSessionLeaf(QualType T) const {
  SessionType S = Types.classify(T);
  // A stream with operation rules (an Asio socket) is a session for rule 4
  // even where the catalog does not list it.
  return ((S.Result == Verdict::Unsafe || S.Result == Verdict::ThreadAffine) &&
          !S.Holder) ||
         (S.Result == Verdict::NotSession && streamRule(T).has_value());
}

void SummaryTable::addOverrider(const CXXMethodDecl *M) {
  if (!M->isVirtual() || !M->doesThisDeclarationHaveABody())
    return;
  llvm::SmallVector<const CXXMethodDecl *, 4> Work(M->overridden_methods());
  llvm::SmallPtrSet<const CXXMethodDecl *, 4> Seen;
  while (!Work.empty()) {
    const CXXMethodDecl *Base = Work.pop_back_val()->getCanonicalDecl();
    if (!Seen.insert(Base).second)
      continue;
    Overriders[Base].push_back(M);
    Work.append(Base->overridden_methods().begin(), Base->overridden_methods().end());
  }
}

llvm::ArrayRef<const CXXMethodDecl *>
SummaryTable::overridersOf(const CXXMethodDecl *M) const {
  auto It = Overriders.find(M->getCanonicalDecl());
  if (It == Overriders.end())
    return {};
  return It->second;
}

const FunctionDecl *SummaryTable::definitionOf(const FunctionDecl *F) const {
  if (!F)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (!F->hasBody(Def) || !Def || Def->isInvalidDecl() ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return nullptr;
  if (const auto *M = dyn_cast<CXXMethodDecl>(Def); M && M->getParent()->isLambda())
    return nullptr; // Lambdas are followed through their captures.
  return Def;
}

bool SummaryTable::bodySkipped(const FunctionDecl *F) const {
  if (!F)
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const FunctionDecl *R : F->redecls())
    if (R->hasSkippedBody())
      return !SM.isInSystemHeader(SM.getExpansionLoc(R->getLocation()));
  return false;
}

const Frame &SummaryTable::frameOf(const Decl *Function) {
  std::unique_ptr<Frame> &Entry = Frames[Function];
  if (!Entry)
    Entry = std::make_unique<Frame>(Function, bodyOf(Function), Ctx, Types, this);
  return *Entry;
}

const Summary &SummaryTable::of(const Decl *Function) {
  static const Summary Empty;
  if (!Function || !bodyOf(Function) || Function->isInvalidDecl())
    return Empty;
  if (auto It = Done.find(Function); It != Done.end())
    return *It->second;
  if (hasErrors(Function)) {
    // Half-typed: a lock that lost its mutex, a join cut off. What it does
    // is unknown, and unknown says nothing rather than guess.
    Done[Function] = std::make_unique<Summary>();
    return *Done[Function];
  }
  if (Depth >= MaxCallDepth)
    return Empty;
  // A recursive call: what is known so far.
  if (InProgress.contains(Function))
    return Empty;
  InProgress.insert(Function);
  ++Depth;
  Summary Result = compute(Function);
  --Depth;
  InProgress.erase(Function);
  auto &Slot = Done[Function];
  Slot = std::make_unique<Summary>(std::move(Result));
  Fresh.push_back(Function);
  if (Depth == 0) {
    // Summaries that saw an unfinished one are computed again, until no
    // summary grows.
    for (unsigned Round = 1; Round < MaxRounds; ++Round) {
      bool Grew = false;
      llvm::SmallVector<const Decl *, 8> Stale;
      for (const Decl *F : Fresh)
        if (Done[F]->SawUnfinished)
          Stale.push_back(F);
      if (Stale.empty())
        break;
      for (const Decl *F : Stale) {
        ++Depth;
        InProgress.insert(F);
        Summary Again = compute(F);
        InProgress.erase(F);
        --Depth;
        Summary &Old = *Done[F];
        Grew |= Again.size() > Old.size();
        Again.SawUnfinished = false;
        Old = std::move(Again);
      }
      if (!Grew)
        break;
    }
    for (const Decl *F : Fresh)
      Done[F]->SawUnfinished = false;
    Fresh.clear();
  }
  return *Done[Function];
}

Summary SummaryTable::compute(const Decl *Function) {
  ++Computed;
  Summary Out;
  const Frame &Fr = frameOf(Function);
  Builder B(*this, Function, Fr, Out);
  // A constructor's member initialisers run before its body (a thread
  // member started there: `Cache() : janitor_(&Cache::expire, this)`).
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->getInit())
        B.run(Init->getInit(), locksRequiredBy(Function, Fr));
  B.run(Fr.body(), locksRequiredBy(Function, Fr));
  recordSubmissions(Fr, Out);
  for (unsigned I = 0; I < Out.Accesses.size(); ++I)
    if (!Out.Accesses[I].Deferred)
      Out.ByStmt[Out.Accesses[I].Where].push_back(I);
  return Out;
}

Summary SummaryTable::summariseStatement(const Decl *Function, const Stmt *Root) {
  Summary Out;
  const Frame &Fr = frameOf(Function);
  Builder B(*this, Function, Fr, Out);
  B.run(Root, {});
  for (unsigned I = 0; I < Out.Accesses.size(); ++I)
    if (!Out.Accesses[I].Deferred)
      Out.ByStmt[Out.Accesses[I].Where].push_back(I);
  return Out;
}


std::optional<Place> SummaryTable::returnedPlace(const CallExpr *Call,
                                                 const Frame &Caller) {
  const FunctionDecl *Def = definitionOf(Call->getDirectCallee());
  if (!Def || !returnsReference(Def))
    return std::nullopt;
  const Summary &S = of(Def);
  if (!S.Returns)
    return std::nullopt;
  auto Map = [&](const Place &Root) { return bindRoot(Root, Def, Call, Caller); };
  return translate(*S.Returns, Map, Caller);
}

} // namespace sessionlint
