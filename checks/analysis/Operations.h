//===--- Operations.h - asynchronous operations on a session ----*- C++ -*-===//
//
// SPEC rule 4: two asynchronous operations on one session outstanding at
// once inside one task. An *operation* is a call that starts asynchronous
// work on an object: a member `x.async_*(...)`, a free `async_read(x, ...)` /
// `async_write(x, ...)`, or a call of a coroutine or function that takes the
// object by reference and uses it (its operations, looked up in its body
// when the body is in view; one exclusive operation otherwise).
//
// What may overlap is a property of the target's type:
//  - a database connection, statement or transaction (every unsafe session
//    of the catalog): one operation at a time;
//  - a full-duplex stream (Asio sockets and ssl::stream, Beast tcp_stream and
//    ssl_stream): one read and one write together, never two of a kind;
//  - a Beast websocket stream: one read, one write, one ping/pong and one
//    close together.
// An operation that is none of read, write, ping/pong or close (connect,
// handshake, an unknown coroutine) is exclusive.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_OPERATIONS_H
#define SESSIONLINT_ANALYSIS_OPERATIONS_H

#include "Places.h"
#include "SessionTypes.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace sessionlint {

/// Control: a synchronous call that starts no operation: `close()`,
/// `cancel()` or `shutdown()`, which end the operations in flight,
/// `is_open()`, `get_executor()`, `expires_after()`. Within one task it
/// overlaps nothing (rule 4); between tasks it is a use like any other.
enum class OpKind { Exclusive, Read, Write, PingPong, Close, Control };

class SummaryTable;

enum class OpConcurrency {
  /// One operation at a time (database sessions).
  OneAtATime,
  /// One read and one write together.
  FullDuplex,
  /// One read, one write, one ping/pong and one close together.
  Websocket,
};

struct Operation {
  /// The call that starts it, where a diagnostic points.
  const clang::Expr *Start = nullptr;
  /// The session it runs on, in the frame of the function that starts it.
  Place Target;
  /// The declaration that names the session there, for the diagnostic.
  const clang::ValueDecl *Named = nullptr;
  OpKind Kind = OpKind::Exclusive;
  /// "async_execute", or the coroutine's name.
  std::string Name;
};

/// Finds the operations an expression starts, in the frame of the function
/// it is written in: direct calls (`x.async_*(...)`, `async_read(x, ...)`,
/// in generic lambdas too), the uses a coroutine or helper of this
/// translation unit makes of what it is handed (its summary,
/// Summaries.h), and, for one out of view, one exclusive operation on each
/// session it gets by reference.
class OperationFinder {
public:
  OperationFinder(SummaryTable &T, const Frame &F) : T(T), F(F) {}

  /// The operations E starts: E itself, the operands of a deferred
  /// operation or a lambda that starts one, or a coroutine call.
  llvm::SmallVector<Operation, 2> operationsIn(const clang::Expr *E);

  /// The operation E itself is, if it is a call that starts one (not
  /// looking into coroutine bodies or sub-expressions).
  std::optional<Operation> directOperation(const clang::Expr *E);

  /// The operations a call of a function (a coroutine, a helper) starts
  /// on what it is handed; none when it is not such a call.
  llvm::SmallVector<Operation, 2> operationsOfCall(const clang::CallExpr *Call);

  /// Inner, an operation of Def (the definition Call calls), as Call starts
  /// it in this frame: its session translated to what Call hands Def, the
  /// diagnostic pointing at Call. None when that session is Def's own.
  std::optional<Operation> operationAtCall(const clang::CallExpr *Call,
                                          const clang::FunctionDecl *Def,
                                          const Operation &Inner);

  /// Whether an object of type T is a target: an unsafe session or a
  /// stream with operation rules.
  bool isTarget(clang::QualType T) const;

private:
  void collect(const clang::Stmt *S, llvm::SmallVectorImpl<Operation> &Out);
  /// Synchronous uses of one-at-a-time sessions in a lambda that found no
  /// asynchronous operation on them (from Out[Before] on).
  void addPlainUses(const clang::LambdaExpr *Lambda, size_t Before,
                    llvm::SmallVectorImpl<Operation> &Out);

  SummaryTable &T;
  const Frame &F;
};

/// How many operations a session of this type allows in flight together.
OpConcurrency concurrencyOf(const Place &Target);

/// Whether a and b may not be in flight together on a target with the
/// given concurrency.
bool conflict(const Operation &A, const Operation &B, OpConcurrency C);
bool conflict(OpKind A, OpKind B, OpConcurrency C);

/// The stream rule of T's class (a socket, an ssl::stream, a Beast stream
/// or websocket), looking through references, pointers and smart pointers.
std::optional<OpConcurrency> streamRule(clang::QualType T);

/// The kind of an asynchronous operation by its name (`async_read_some`).
OpKind kindOf(llvm::StringRef Name);

/// The kind of any use of a stream by the name of the call: `read_some`,
/// `async_write`, `send`, `ping`, `close`; anything else is exclusive.
OpKind useKindOf(llvm::StringRef Name);

/// "read", "write", "ping/pong", "close", or "" for exclusive.
llvm::StringRef kindName(OpKind Kind);

} // namespace sessionlint

#endif
