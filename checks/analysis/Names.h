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
class NamedDecl;
} // namespace clang

namespace sessionlint {

/// "ns::Class" for a declaration: inline and anonymous namespaces are
/// skipped, a template specialization is named by its template.
std::string qualifiedName(const clang::NamedDecl *D);

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
