//===--- Names.h - qualified names and user name lists ----------*- C++ -*-===//
//
// Every place that decides "is this the type or function we mean" goes
// through here, so that inline namespaces (libc++'s std::__1, libpqxx's
// versioned namespaces) and template arguments never change the answer.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_NAMES_H
#define SESSIONLINT_ANALYSIS_NAMES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class NamedDecl;
class ValueDecl;
} // namespace clang

namespace sessionlint {

/// "ns::Class" for a declaration: inline and anonymous namespaces are
/// skipped, a template specialization is named by its template.
std::string qualifiedName(const clang::NamedDecl *D);

/// Whether a qualified class name is a library's task or task handle
/// (`std::thread`, `std::future`, `QThread`, `Poco::Activity`, a pool): its
/// objects start or join tasks; they are never sessions themselves.
bool isTaskHandleName(llvm::StringRef QualifiedName);

/// Whether a qualified class name is an Asio execution context whose
/// threads run posted handlers (`io_context`, `thread_pool`): `run()`,
/// `join()` and `wait()` on it return when the handlers posted to it have.
bool isExecutionContextName(llvm::StringRef QualifiedName);

/// Asio's `post`, `dispatch` and `defer`: a handler handed to an executor.
bool isPostName(llvm::StringRef Name);

/// std::condition_variable(_any), boost::condition_variable(_any).
bool isConditionVariableName(llvm::StringRef QualifiedName);

/// The type of a declared object as users spell it, for diagnostics: an
/// alias keeps its name (`pqxx::work`, `PGconn *`), anything else is printed
/// fully qualified without inline or anonymous namespaces; references are
/// dropped and `auto` is shown as what it deduced.
std::string spelledTypeOf(const clang::ValueDecl *D, clang::ASTContext &Ctx);

/// A `;`-separated list from a check option. An entry is a qualified name
/// (a leading "::" is optional) or, when it contains one of `^$*+?()[]{}|\`,
/// a regular expression that must match the whole qualified name.
class NameList {
public:
  NameList() = default;

  /// Fails with a message naming the bad entry.
  static llvm::Expected<NameList> parse(llvm::StringRef Value);

  bool matches(llvm::StringRef QualifiedName) const;
  bool empty() const { return Exact.empty() && Patterns.empty(); }

private:
  llvm::StringSet<> Exact;
  std::vector<std::shared_ptr<llvm::Regex>> Patterns;
};

} // namespace sessionlint

#endif
