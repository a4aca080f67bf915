//===--- NamedConnections.h - Qt's connections by name ----------*- C++ -*-===//
//
// Qt SQL keeps a registry of connections by name: `QSqlDatabase::
// addDatabase(driver, name)` registers one on the calling thread, and
// `QSqlDatabase::database(name)` anywhere returns a handle to that same
// connection (a `QSqlQuery` built without a database uses the default
// one). A task that looks up a connection it did not add itself uses a
// connection that belongs to another thread, which Qt forbids ("Threads and
// the SQL Module"), even when nothing else uses it at the same time.
//
// What the task runs is read from the bodies its spawn reaches: the lambda,
// the named function, the thread class's run(), and the functions of this
// translation unit those call, a few levels deep. A lookup is the task's
// own when the task adds a connection of the same name (a literal, the
// same variable) or adds one under a computed name (per-thread names such
// as `QString::number(quintptr(QThread::currentThreadId()))`) and looks up a
// computed name too.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_NAMEDCONNECTIONS_H
#define SESSIONLINT_ANALYSIS_NAMEDCONNECTIONS_H

#include "SpawnSites.h"

#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <string>
#include <vector>

namespace sessionlint {

struct ForeignConnection {
  /// `QSqlDatabase::database(...)` or the `QSqlQuery` construction that
  /// uses the default connection.
  const clang::Expr *Lookup = nullptr;
  /// Where to point: the name `database`, the QSqlQuery variable.
  clang::SourceLocation At;
  /// "the default connection" or "connection 'reports'".
  std::string Connection;
};

/// What the task Site starts does with Qt's named connections, from one
/// walk of the bodies it runs.
struct TaskConnections {
  /// Lookups by name of connections the task did not add itself, in
  /// source order.
  std::vector<ForeignConnection> Foreign;
  /// The objects the task gives a new value of its own (`m_db =
  /// QSqlDatabase::addDatabase(...)` in a QThread's run()): made inside the
  /// task, whoever declared them.
  llvm::SmallPtrSet<const clang::ValueDecl *, 4> Assigned;
};

TaskConnections connectionsOf(const SpawnSite &Site, clang::ASTContext &Ctx);

} // namespace sessionlint

#endif
