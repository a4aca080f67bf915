//===--- SessionTypes.h - which objects are sessions ------------*- C++ -*-===//
//
// Decides SPEC section 2 for a type: is an object of this type a session,
// a handle to one, or neither. Sources, strongest first: the user's
// annotations and SafeTypes/SessionTypes options, the built-in catalog,
// base classes, and (transitively) data members held by value.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_SESSIONTYPES_H
#define SESSIONLINT_ANALYSIS_SESSIONTYPES_H

#include "Catalog.h"
#include "Names.h"

#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"

namespace clang {
class CXXRecordDecl;
class NamedDecl;
} // namespace clang

namespace sessionlint {

struct SessionType {
  Verdict Result = Verdict::NotSession;
  /// Copying a value of this type hands out the same session: pointers,
  /// opaque handles, shared_ptr, reference_wrapper.
  bool CopyShares = false;
  /// A session only because it holds one (SPEC 2.3, `struct Repo {
  /// pqxx::connection conn; }`): it is used as a session only where the
  /// session it holds is used, not wherever the object is named.
  bool Holder = false;

  bool isUnsafe() const { return Result == Verdict::Unsafe; }
  bool isThreadAffine() const { return Result == Verdict::ThreadAffine; }
};

/// Annotation strings that SESSIONLINT_SESSION / SESSIONLINT_THREAD_SAFE
/// expand to (include/sessionlint/annotations.h).
inline constexpr llvm::StringLiteral SessionAnnotation = "sessionlint::session";
inline constexpr llvm::StringLiteral ThreadSafeAnnotation =
    "sessionlint::thread_safe";
inline constexpr llvm::StringLiteral ThreadAffineAnnotation =
    "sessionlint::thread_affine";

class SessionTypeClassifier {
public:
  SessionTypeClassifier(NameList UserSessionTypes, NameList UserSafeTypes,
                        NameList UserThreadAffineTypes = {})
      : UserSessionTypes(std::move(UserSessionTypes)),
        UserSafeTypes(std::move(UserSafeTypes)),
        UserThreadAffineTypes(std::move(UserThreadAffineTypes)) {}

  /// Classifies the type of an object; references are looked through
  /// (a reference to a session refers to that session).
  SessionType classify(clang::QualType T);

private:
  /// Verdict for a declared name (typedef or record) from options/catalog.
  Verdict verdictForName(const clang::NamedDecl *D, EntryKind Kind) const;
  SessionType classifyRecord(const clang::CXXRecordDecl *Record);
  SessionType classifyPointee(clang::QualType Pointee);
  /// Walks T's sugar (typedefs, aliases) looking for a named entry.
  Verdict verdictFromSugar(clang::QualType T, EntryKind Kind) const;

  NameList UserSessionTypes;
  NameList UserSafeTypes;
  NameList UserThreadAffineTypes;
  llvm::DenseMap<const clang::Type *, SessionType> TypeCache;
  llvm::DenseMap<const clang::CXXRecordDecl *, SessionType> RecordCache;
};

} // namespace sessionlint

#endif
