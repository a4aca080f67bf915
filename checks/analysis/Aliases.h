//===--- Aliases.h - names that refer to one session ------------*- C++ -*-===//
//
// SPEC section 2: a reference, a pointer, a shared_ptr copy or a handle copy
// of a session is the same session, and so is an object built on it (a
// `pqxx::work` on a connection, a statement on a database, a collection
// taken from a client). Within one function body, every such name is put in
// one class with the session it was bound to.
//
// Simplifications: bindings are followed where a variable is declared and
// where a pointer is assigned (`p = &db`), in any order and on any path; a
// name bound to two sessions joins both classes.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_ALIASES_H
#define SESSIONLINT_ANALYSIS_ALIASES_H

#include "SessionTypes.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"

namespace sessionlint {

class SessionAliases {
public:
  /// Scans Body for names bound to sessions.
  SessionAliases(const clang::Stmt *Body, SessionTypeClassifier &Types);

  /// Whether A and B name the same session.
  bool same(const clang::ValueDecl *A, const clang::ValueDecl *B) const {
    return root(A) == root(B);
  }
  /// The representative of D's class (D itself when it has no alias).
  const clang::ValueDecl *root(const clang::ValueDecl *D) const;

  /// Whether S names the session of class Of: a variable, or a data member
  /// reached through `this`.
  bool names(const clang::Stmt *S, const clang::ValueDecl *Of) const;

  /// Binds Alias to the session Target names.
  void bind(const clang::ValueDecl *Alias, const clang::ValueDecl *Target);

private:
  mutable llvm::DenseMap<const clang::ValueDecl *, const clang::ValueDecl *>
      Parent;
};

} // namespace sessionlint

#endif
