#include "Operations.h"
#include "Names.h"
#include "SpawnSites.h"
#include "Summaries.h"
#include "Walk.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace sessionlint {
namespace {

/// Stream types with operation rules, by the qualified name of their class
/// (template). Sources: Asio "Thread safety" of basic_stream_socket and
/// ssl::stream, Beast "Thread safety" of basic_stream and websocket::stream.
struct StreamRule {
  llvm::StringLiteral Name;
  OpConcurrency Concurrency;
};
constexpr StreamRule StreamRules[] = {
    {"boost::asio::basic_stream_socket", OpConcurrency::FullDuplex},
    {"asio::basic_stream_socket", OpConcurrency::FullDuplex},
    {"boost::asio::ssl::stream", OpConcurrency::FullDuplex},
    {"asio::ssl::stream", OpConcurrency::FullDuplex},
    {"boost::beast::basic_stream", OpConcurrency::FullDuplex},
    {"boost::beast::ssl_stream", OpConcurrency::FullDuplex},
    {"boost::beast::websocket::stream", OpConcurrency::Websocket},
};

/// The class (template) name of the object T refers to, looking through
/// references, pointers and smart pointers' pointee.
std::string recordName(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (!Record)
    return "";
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    return qualifiedName(Spec->getSpecializedTemplate());
  return qualifiedName(Record);
}

} // namespace

std::optional<OpConcurrency> streamRule(QualType T) {
  std::string Name = recordName(T);
  for (const StreamRule &Rule : StreamRules)
    if (Name == Rule.Name)
      return Rule.Concurrency;
  return std::nullopt;
}

OpKind kindOf(llvm::StringRef Name) {
  if (Name.starts_with("async_read") || Name.starts_with("async_receive"))
    return OpKind::Read;
  if (Name.starts_with("async_write") || Name.starts_with("async_send"))
    return OpKind::Write;
  if (Name == "async_ping" || Name == "async_pong")
    return OpKind::PingPong;
  if (Name == "async_close")
    return OpKind::Close;
  return OpKind::Exclusive;
}

OpKind useKindOf(llvm::StringRef Name) {
  // Synchronous calls that start no operation: ending the ones in flight,
  // asking about the object, setting its deadline or options.
  static constexpr llvm::StringLiteral Control[] = {
      "close",          "cancel",          "cancel_one",     "shutdown",
      "is_open",        "get_executor",    "lowest_layer",   "next_layer",
      "native_handle",  "local_endpoint",  "remote_endpoint", "available",
      "non_blocking",   "set_option",      "get_option",     "expires_after",
      "expires_at",     "expires_never",   "expiry",         "socket"};
  if (!Name.starts_with("async_") && llvm::is_contained(Control, Name))
    return OpKind::Control;
  // A synchronous ping writes its frame right away, on the caller's
  // thread: beside another thread's write it interleaves bytes on the
  // wire. Only the asynchronous one waits its turn behind a write.
  if (Name == "ping" || Name == "pong")
    return OpKind::Write;
  Name.consume_front("async_");
  if (Name.starts_with("read") || Name.starts_with("receive") ||
      Name.starts_with("recv"))
    return OpKind::Read;
  if (Name.starts_with("write") || Name.starts_with("send"))
    return OpKind::Write;
  if (Name == "ping" || Name == "pong")
    return OpKind::PingPong;
  if (Name == "close")
    return OpKind::Close;
  return OpKind::Exclusive;
}

bool conflict(OpKind A, OpKind B, OpConcurrency C) {
  if (C == OpConcurrency::OneAtATime || A == OpKind::Exclusive ||
      B == OpKind::Exclusive || A == OpKind::Control || B == OpKind::Control)
    return true;
  if (A == B)
    return true;
  // A plain stream has no ping/pong or close operations of its own.
  return C == OpConcurrency::FullDuplex &&
         (A == OpKind::PingPong || A == OpKind::Close ||
          B == OpKind::PingPong || B == OpKind::Close);
}

llvm::StringRef kindName(OpKind Kind) {
  switch (Kind) {
  case OpKind::Read:
    return "read";
  case OpKind::Write:
    return "write";
  case OpKind::PingPong:
    return "ping/pong";
  case OpKind::Close:
    return "close";
  case OpKind::Control:
    return "control";
  case OpKind::Exclusive:
    return "";
  }
  return "";
}

bool OperationFinder::isTarget(QualType Type) const {
  return T.types().classify(Type).isUnsafe() || streamRule(Type).has_value();
}

OpConcurrency concurrencyOf(const Place &Target) {
  if (std::optional<OpConcurrency> Rule = streamRule(Target.type()))
    return *Rule;
  return OpConcurrency::OneAtATime;
}

bool conflict(const Operation &A, const Operation &B, OpConcurrency C) {
  // Within one task, closing or cancelling is how an operation in flight
  // is ended (Asio, Beast, Boost.MySQL's cancel), and asking whether the
  // object is open or setting its deadline starts nothing: not a second
  // operation.
  if (A.Kind == OpKind::Control || B.Kind == OpKind::Control)
    return false;
  return conflict(A.Kind, B.Kind, C);
}

namespace {

/// The declaration an object expression names (`sock`, `this->ws_`).
const ValueDecl *namedBy(const Expr *E) {
  E = stripForwarding(E);
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && (Deref->getOpcode() == UO_Deref || Deref->getOpcode() == UO_AddrOf))
    E = stripForwarding(Deref->getSubExpr());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E); Op && Op->getNumArgs() > 0)
    return namedBy(Op->getArg(0));
  return nullptr;
}

} // namespace

std::optional<Operation> OperationFinder::directOperation(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(stripForwarding(E));
  if (!Call)
    return std::nullopt;
  llvm::StringRef Name;
  const Expr *Object = nullptr;
  if (const FunctionDecl *Callee = Call->getDirectCallee()) {
    if (!Callee->getIdentifier())
      return std::nullopt;
    Name = Callee->getName();
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      Object = Member->getImplicitObjectArgument();
    else if (!isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0)
      Object = Call->getArg(0); // async_read(stream, ...), async_write(...)
  } else if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(
                 Call->getCallee()->IgnoreParens())) {
    // Inside a generic lambda (`[&](auto token) { return
    // sock.async_write_some(buf, token); }`) the call is not resolved yet.
    if (!Dependent->getMember().isIdentifier() || Dependent->isImplicitAccess())
      return std::nullopt;
    Name = Dependent->getMember().getAsIdentifierInfo()->getName();
    Object = Dependent->getBase();
  } else if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(
                 Call->getCallee()->IgnoreParens())) {
    // `asio::async_write(sock, buf, token)` with a dependent token.
    if (!Lookup->getName().isIdentifier() || Call->getNumArgs() == 0)
      return std::nullopt;
    Name = Lookup->getName().getAsIdentifierInfo()->getName();
    Object = Call->getArg(0);
  } else if (const auto *Unresolved = dyn_cast<UnresolvedMemberExpr>(
                 Call->getCallee()->IgnoreParens())) {
    if (!Unresolved->getName().isIdentifier() || Unresolved->isImplicitAccess())
      return std::nullopt;
    Name = Unresolved->getName().getAsIdentifierInfo()->getName();
    Object = Unresolved->getBase();
  }
  if (!Name.starts_with("async_") || !Object)
    return std::nullopt;
  std::optional<Place> Target = F.placeOf(Object);
  if (!Target || !isTarget(Target->type()))
    return std::nullopt;
  Operation Op;
  Op.Start = Call;
  Op.Target = *Target;
  Op.Named = namedBy(Object);
  if (!Op.Named)
    Op.Named = Target->decl();
  Op.Kind = kindOf(Name);
  Op.Name = Name.str();
  return Op;
}

llvm::SmallVector<Operation, 2>
OperationFinder::operationsOfCall(const CallExpr *Call) {
  llvm::SmallVector<Operation, 2> Out;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || isStdMove(Call) ||
      (Callee->getIdentifier() && Callee->getName().starts_with("async_")))
    return Out;
  auto Add = [&](Operation Op) {
    if (llvm::none_of(Out, [&](const Operation &O) {
          return O.Kind == Op.Kind && O.Target == Op.Target;
        }))
      Out.push_back(std::move(Op));
  };
  if (const FunctionDecl *Def = T.definitionOf(Callee)) {
    // In view: what its summary says it does with what it is handed.
    const Summary &S = T.of(Def);
    std::vector<Access> Accesses = S.Accesses;
    for (const EscapingTask &Task : S.Tasks)
      for (const TaskAccess &A : Task.Reach)
        Accesses.push_back(A.Use);
    for (const Access &A : Accesses) {
      // In a completion handler it registers: that runs when its own
      // operation ends, a later turn of the chain, not during this call
      // (analysis/HandlerChains.h relates the turns).
      if (A.Deferred)
        continue;
      Operation Inner;
      Inner.Target = A.Target;
      Inner.Kind = A.Kind;
      Inner.Name = Callee->getNameAsString();
      if (std::optional<Operation> Op = operationAtCall(Call, Def, Inner))
        Add(std::move(*Op));
    }
    return Out;
  }
  // Out of view: it may do anything with a session it gets by reference
  // while it is in flight.
  unsigned Offset = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
  for (unsigned I = Offset; I < Call->getNumArgs(); ++I) {
    unsigned ParamIndex = I - Offset;
    if (ParamIndex >= Callee->getNumParams())
      break;
    const Expr *Arg = Call->getArg(I);
    QualType ParamType = Callee->getParamDecl(ParamIndex)->getType();
    if (isStdMove(Arg) ||
        (!ParamType->isReferenceType() && !ParamType->isPointerType()))
      continue; // Moved, or a copy: the callee's own object.
    std::optional<Place> P = F.placeOf(Arg);
    if (!P || !isTarget(P->type()))
      continue;
    Operation Op;
    Op.Start = Call;
    Op.Target = *P;
    Op.Named = namedBy(Arg);
    if (!Op.Named)
      Op.Named = P->decl();
    Op.Kind = OpKind::Exclusive;
    Op.Name = Callee->getNameAsString();
    Add(std::move(Op));
  }
  return Out;
}

void OperationFinder::collect(const Stmt *Root, llvm::SmallVectorImpl<Operation> &Out) {
  walk(Root, [&](const Stmt *S) {
    if (const auto *E = dyn_cast<Expr>(S)) {
      if (std::optional<Operation> Op = directOperation(E)) {
        Out.push_back(*Op);
        return Step::Skip;
      }
    }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      size_t Before = Out.size();
      collect(Lambda->getBody(), Out);
      addPlainUses(Lambda, Before, Out);
      return Step::Skip;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S);
        Call && !isa<CXXMemberCallExpr>(Call) && Call->getDirectCallee()) {
      // A coroutine or helper handed the session: what it does with it.
      llvm::SmallVector<Operation, 2> Ops = operationsOfCall(Call);
      if (!Ops.empty()) {
        Out.append(Ops.begin(), Ops.end());
        return Step::Skip;
      }
    }
    return Step::Descend;
  });
}

void OperationFinder::addPlainUses(const LambdaExpr *Lambda, size_t Before,
                                   llvm::SmallVectorImpl<Operation> &Out) {
  // `stdexec::then([&] { conn.query(); })`: a lambda that runs as part of an
  // operation and uses a one-at-a-time session synchronously occupies it.
  walk(Lambda->getBody(), [&](const Stmt *S) {
    if (isa<LambdaExpr>(S))
      return Step::Skip;
    const auto *E = dyn_cast<Expr>(S);
    if (!E || !(isa<DeclRefExpr>(E) || isa<MemberExpr>(E)))
      return Step::Descend;
    std::optional<Place> Target = F.placeOf(E);
    if (!Target || !T.types().classify(Target->type()).isUnsafe() ||
        streamRule(Target->type()) ||
        llvm::any_of(llvm::drop_begin(Out, Before),
                     [&](const Operation &Op) { return Op.Target == *Target; }))
      return Step::Skip;
    Operation Op;
    Op.Start = E;
    Op.Target = *Target;
    Op.Named = namedBy(E);
    if (!Op.Named)
      Op.Named = Target->decl();
    Op.Kind = OpKind::Exclusive;
    Op.Name = "lambda";
    Out.push_back(Op);
    return Step::Skip;
  });
}

std::optional<Operation> OperationFinder::operationAtCall(const CallExpr *Call,
                                                         const FunctionDecl *Def,
                                                         const Operation &Inner) {
  const Expr *Argument = nullptr;
  std::optional<Place> P = T.translate(Inner.Target, [&](const Place &Root) {
    if (const VarDecl *V = Root.rootVar())
      if (const auto *Param = dyn_cast<ParmVarDecl>(V))
        if (Param->getFunctionScopeIndex() < Call->getNumArgs())
          Argument = Call->getArg(Param->getFunctionScopeIndex());
    return T.bindRoot(Root, Def, Call, F);
  }, F);
  if (!P || !isTarget(P->type()))
    return std::nullopt;
  Operation Op = Inner;
  Op.Start = Call;
  Op.Target = *P;
  Op.Named = Argument ? namedBy(Argument) : nullptr;
  if (!Op.Named)
    Op.Named = P->decl();
  return Op;
}

llvm::SmallVector<Operation, 2> OperationFinder::operationsIn(const Expr *E) {
  llvm::SmallVector<Operation, 2> Out;
  collect(E, Out);
  return Out;
}

} // namespace sessionlint
