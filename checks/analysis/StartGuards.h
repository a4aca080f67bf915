//===--- StartGuards.h - what keeps a second operation from starting -*- C++ -*-===//
//
// Callback-style code (SPEC rule 4 without coroutines) keeps one write in
// flight with the write-queue idiom: the entry point pushes the message and
// starts a write only when none is outstanding (`if (queue_.size() == 1)`,
// `if (writing_) return;`, `if (!queue_.empty())`), and the completion
// handler pops the queue and starts the next. That is recognised from what
// the code does, not from names: a start is guarded when it runs only under
// a test of the object's own state (a data member reached through `this`)
// that the operation's completion handler also reads or changes. A test of
// state the handler never touches (`if (connected_)`) guards nothing.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_STARTGUARDS_H
#define SESSIONLINT_ANALYSIS_STARTGUARDS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

namespace sessionlint {

/// The body of the completion handler Handler: a lambda, a member function
/// bound to the object (`beast::bind_front_handler(&Session::on_write,
/// shared_from_this())`, `std::bind(&C::f, this, ...)`), or a named
/// function; null when it cannot be read.
const clang::Stmt *handlerBody(const clang::Expr *Handler);

/// The function handlerBody() reads: the lambda's call operator, or the
/// bound member function's definition.
const clang::FunctionDecl *handlerFunction(const clang::Expr *Handler);

/// Every function the handler may be: one, or the two branches of a
/// conditional (`std::bind(stream ? &C::on_data : &C::on_command, ...)`);
/// none when it cannot be read.
llvm::SmallVector<const clang::FunctionDecl *, 2> handlerFunctions(const clang::Expr *Handler);

/// Whether M is a way in from outside the object that is called once per
/// message: public, not a constructor or destructor, taking something.
bool isPerMessageEntry(const clang::CXXMethodDecl *M);

/// Whether S, a statement of Function's body, runs only under a test of
/// the object's own state that the completion handler whose body is
/// HandlerBody also uses (directly or in a member function it calls). With
/// no handler body to read, any test of the object's state counts.
bool guardedByHandlerState(const clang::Stmt *S, const clang::Decl *Function,
                           const clang::Stmt *HandlerBody, clang::ASTContext &Ctx);

} // namespace sessionlint

#endif
