#include "Operations.h"
#include "Names.h"
#include "SpawnSites.h"
#include "Walk.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace sessionlint {
namespace {

/// How deep coroutine and helper calls are followed to find the
/// operations they start on their reference parameters.
constexpr unsigned CallDepth = 2;

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
      B == OpKind::Exclusive)
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
  case OpKind::Exclusive:
    return "";
  }
  return "";
}

bool OperationFinder::isTarget(QualType T) {
  return Types.classify(T).isUnsafe() || streamRule(T).has_value();
}

OpConcurrency OperationFinder::concurrencyOf(const SessionRef &Target) {
  if (std::optional<OpConcurrency> Rule = streamRule(Target.Decl->getType()))
    return *Rule;
  return OpConcurrency::OneAtATime;
}

bool conflict(const Operation &A, const Operation &B, OpConcurrency C) {
  return conflict(A.Kind, B.Kind, C);
}

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
  if (!Name.starts_with("async_"))
    return std::nullopt;
  std::optional<SessionRef> Target = namedSession(Object);
  if (!Target || !isTarget(Target->Decl->getType()))
    return std::nullopt;
  Operation Op;
  Op.Start = Call;
  Op.TargetLoc = Object->getExprLoc();
  Op.Target = *Target;
  Op.Kind = kindOf(Name);
  Op.Name = Name.str();
  return Op;
}

void OperationFinder::collectCall(const CallExpr *Call, unsigned Depth,
                                  llvm::SmallVectorImpl<Operation> &Out) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  unsigned Offset = 0;
  if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee))
    Offset = 1;
  const FunctionDecl *Definition = nullptr;
  bool BodyInView = Callee->hasBody(Definition) && Definition &&
                    !Definition->isInvalidDecl() && Depth < CallDepth;
  for (unsigned I = Offset; I < Call->getNumArgs(); ++I) {
    unsigned ParamIndex = I - Offset;
    if (ParamIndex >= Callee->getNumParams())
      break;
    const Expr *Arg = Call->getArg(I);
    if (isStdMove(Arg))
      continue;
    QualType ParamType = Callee->getParamDecl(ParamIndex)->getType();
    const Expr *Named = stripForwarding(Arg);
    if (const auto *AddrOf = dyn_cast<UnaryOperator>(Named);
        AddrOf && AddrOf->getOpcode() == UO_AddrOf)
      Named = AddrOf->getSubExpr();
    else if (!ParamType->isReferenceType() && !ParamType->isPointerType())
      continue; // A copy is the callee's own object.
    std::optional<SessionRef> Target = namedSession(Named);
    if (!Target || !isTarget(Target->Decl->getType()))
      continue;
    // What the callee does with its parameter, mapped back to the argument.
    llvm::SmallVector<Operation, 2> Inner;
    if (BodyInView) {
      const ParmVarDecl *Param = Definition->getParamDecl(ParamIndex);
      llvm::SmallVector<Operation, 4> All;
      collect(Definition->getBody(), Depth + 1, All);
      for (const Operation &Op : All)
        if (Op.Target.Decl == Param)
          Inner.push_back(Op);
    }
    if (BodyInView && !Inner.empty()) {
      for (Operation Op : Inner) {
        Op.Start = Call;
        Op.TargetLoc = Arg->getExprLoc();
        Op.Target = *Target;
        Op.Name = Callee->getNameAsString();
        if (llvm::none_of(Out, [&](const Operation &O) {
              return O.Start == Call && O.Kind == Op.Kind &&
                     O.Target == Op.Target;
            }))
          Out.push_back(Op);
      }
      continue;
    }
    // Out of view, or used without an async_ call we know: it may do
    // anything with the session while it is in flight.
    Operation Op;
    Op.Start = Call;
    Op.TargetLoc = Arg->getExprLoc();
    Op.Target = *Target;
    Op.Kind = OpKind::Exclusive;
    Op.Name = Callee->getNameAsString();
    Out.push_back(Op);
  }
}

void OperationFinder::collect(const Stmt *Root, unsigned Depth,
                              llvm::SmallVectorImpl<Operation> &Out) {
  walk(Root, [&](const Stmt *S) {
    if (const auto *E = dyn_cast<Expr>(S)) {
      if (std::optional<Operation> Op = directOperation(E)) {
        Out.push_back(*Op);
        return Step::Skip;
      }
    }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      size_t Before = Out.size();
      collect(Lambda->getBody(), Depth, Out);
      addPlainUses(Lambda, Before, Out);
      return Step::Skip;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S);
        Call && !isStdMove(Call) && Call->getDirectCallee() &&
        !isa<CXXMemberCallExpr>(Call)) {
      llvm::StringRef Name = Call->getDirectCallee()->getName();
      // A coroutine or helper handed the session: what it does with it.
      if (!Name.starts_with("async_")) {
        size_t Before = Out.size();
        collectCall(Call, Depth, Out);
        if (Out.size() != Before)
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
  llvm::SmallVector<const Stmt *, 16> Work{Lambda->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *E = dyn_cast<Expr>(S))
      if (std::optional<SessionRef> Target = namedSession(E);
          Target && (isa<DeclRefExpr>(E) || isa<MemberExpr>(E)) &&
          Types.classify(Target->Decl->getType()).isUnsafe() &&
          !streamRule(Target->Decl->getType()) &&
          llvm::none_of(llvm::drop_begin(Out, Before),
                        [&](const Operation &Op) {
                          return Op.Target == *Target;
                        })) {
        Operation Op;
        Op.Start = E;
        Op.TargetLoc = E->getExprLoc();
        Op.Target = *Target;
        Op.Kind = OpKind::Exclusive;
        Op.Name = "lambda";
        Out.push_back(Op);
        continue;
      }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

llvm::SmallVector<Operation, 2> OperationFinder::operationsIn(const Expr *E) {
  llvm::SmallVector<Operation, 2> Out;
  collect(E, 0, Out);
  return Out;
}

} // namespace sessionlint
