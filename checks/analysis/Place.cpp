//===--- Place.cpp - an access path: a root and the steps from it ---------===//
//
// The Place value type of Places.h: roots (a variable, `this`, a temporary,
// a key), fields and container elements, prefixes, hashing and spelling.
// How an expression is resolved to a place is Places.cpp.
//
//===----------------------------------------------------------------------===//
#include "Places.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/Hashing.h"

using namespace clang;

namespace sessionlint {
namespace {

/// The step that means "an element of this container".
const char ElementMarker = 0;

} // namespace

Place Place::var(const VarDecl *V, QualType T) {
  Place P;
  P.Kind = Root::Var;
  P.Base = V->getCanonicalDecl();
  P.Type = T.getNonReferenceType();
  return P;
}

Place Place::self(QualType T) {
  Place P;
  P.Kind = Root::This;
  P.Type = T;
  return P;
}

Place Place::temp(const Expr *E) {
  Place P;
  P.Kind = Root::Temp;
  P.Base = E;
  P.Type = E->getType().getNonReferenceType();
  return P;
}

Place Place::key(const void *K) {
  Place P;
  P.Kind = Root::Key;
  P.Base = K;
  return P;
}

const void *Place::elementStep() { return &ElementMarker; }

Place Place::field(const FieldDecl *F) const {
  Place P = *this;
  if (P.Path.size() < MaxPlaceDepth)
    P.Path.push_back(F->getCanonicalDecl());
  P.Type = F->getType().getNonReferenceType();
  return P;
}

Place Place::element(QualType ElementType) const {
  Place P = *this;
  if (P.Path.size() < MaxPlaceDepth)
    P.Path.push_back(elementStep());
  P.Type = ElementType.isNull() ? Type : ElementType.getNonReferenceType();
  return P;
}

const VarDecl *Place::rootVar() const {
  return Kind == Root::Var ? static_cast<const VarDecl *>(Base) : nullptr;
}

const Expr *Place::rootTemp() const {
  return Kind == Root::Temp ? static_cast<const Expr *>(Base) : nullptr;
}

const FieldDecl *Place::lastField() const {
  if (Path.empty() || Path.back() == elementStep())
    return nullptr;
  return static_cast<const FieldDecl *>(Path.back());
}

const ValueDecl *Place::decl() const {
  for (auto It = Path.rbegin(); It != Path.rend(); ++It)
    if (*It != elementStep())
      return static_cast<const FieldDecl *>(*It);
  return rootVar();
}

Place Place::prefix(size_t Length, QualType T) const {
  Place P = *this;
  P.Path.resize(std::min(Length, Path.size()));
  P.Type = T;
  return P;
}

Place Place::rebase(size_t Length, const Place &To) const {
  Place P = To;
  for (size_t I = Length; I < Path.size() && P.Path.size() < MaxPlaceDepth; ++I)
    P.Path.push_back(Path[I]);
  P.Type = Path.size() > Length ? Type : To.Type;
  return P;
}

bool Place::isPrefixOf(const Place &Other) const {
  if (Kind != Other.Kind || Base != Other.Base || Path.size() > Other.Path.size())
    return false;
  for (size_t I = 0; I < Path.size(); ++I)
    if (Path[I] != Other.Path[I])
      return false;
  return true;
}

unsigned Place::hash() const {
  llvm::hash_code H = llvm::hash_combine(static_cast<unsigned>(Kind), Base);
  for (const void *S : Path)
    H = llvm::hash_combine(H, S);
  return static_cast<unsigned>(H);
}

std::string Place::spelling() const {
  std::string Out;
  switch (Kind) {
  case Root::None:
    return "<none>";
  case Root::Key:
    return "<lock>";
  case Root::Var:
    Out = rootVar()->getNameAsString();
    break;
  case Root::This:
    Out = "this";
    break;
  case Root::Temp:
    Out = "<temporary>";
    break;
  }
  bool AfterThis = Kind == Root::This;
  for (const void *S : Path) {
    if (S == elementStep()) {
      Out += "[]";
    } else {
      Out += AfterThis ? "->" : ".";
      Out += static_cast<const FieldDecl *>(S)->getNameAsString();
    }
    AfterThis = false;
  }
  return Out;
}


} // namespace sessionlint
