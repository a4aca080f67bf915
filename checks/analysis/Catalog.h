//===--- Catalog.h - the built-in list of session types ---------*- C++ -*-===//
//
// SPEC section 6 as data. Each entry names a type the way its library
// declares it; the classifier (SessionTypes.h) matches entries through
// typedefs, aliases, template specializations and inline namespaces.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_CATALOG_H
#define SESSIONLINT_ANALYSIS_CATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace sessionlint {

enum class Verdict {
  NotSession,
  /// Must not be used by two tasks at once.
  Unsafe,
  /// A pool or a type documented as safe to share: never reported.
  ThreadSafe,
  /// May only be used from the thread that created it.
  ThreadAffine,
};

enum class EntryKind {
  /// A class, class template or alias: objects of it are sessions.
  Class,
  /// An opaque struct (or typedef of one): a pointer to it is the session
  /// handle, so copying the pointer shares the session (`PGconn *`).
  PointeeOfHandle,
  /// A typedef that already is a pointer handle (`ssh_session`).
  HandleTypedef,
};

struct CatalogEntry {
  llvm::StringRef Library;
  llvm::StringRef Name;
  EntryKind Kind;
  Verdict Result;
  /// Where the verdict comes from (the library's own documentation).
  llvm::StringRef Source;
};

llvm::ArrayRef<CatalogEntry> builtinCatalog();

/// The catalog entry with this qualified name and kind, or null.
const CatalogEntry *findCatalogEntry(llvm::StringRef QualifiedName,
                                     EntryKind Kind);

} // namespace sessionlint

#endif
