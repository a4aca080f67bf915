//===--- Places.h - which object an expression names ------------*- C++ -*-===//
//
// SPEC section 2: a reference, a pointer, a shared_ptr, a handle copy, a
// field of a struct that holds a pointer, an element of a container, an
// accessor's result: each names some object, and two names of one object
// are one session. A Place is that object, written as an access path: a
// root (a variable, `this`, or a temporary) followed by data members and
// container elements, after every name bound to another object has been
// replaced by what it is bound to.
//
//   pqxx::connection db;  auto &c = db;  auto *p = &db;   c, *p, p->  -> db
//   struct Args { sqlite3 *db; } a{h};                     a.db        -> h
//   Worker w(conn);  // Worker(Conn &c) : c_(c) {}         w.c_        -> conn
//   std::unique_ptr<Conn> u;                               *u, u.get() -> u
//   std::vector<Conn> pool;                                pool[i]     -> pool[]
//   Manager::instance()->database()                        (summaries) -> inst.db_
//
// A Frame resolves places inside one function body. Bindings are
// flow-insensitive: `p = &db` anywhere binds p to db everywhere in the
// body; the first binding wins. In a lambda's frame a captured variable is
// a root, like a parameter: the lambda's captures move its places into the
// frame it is written in (Tasks.h), which then resolves them.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_PLACES_H
#define SESSIONLINT_ANALYSIS_PLACES_H

#include "SessionTypes.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class CXXConstructorDecl;
class FunctionDecl;
class LambdaExpr;
} // namespace clang

namespace sessionlint {

class Place {
public:
  enum class Root : uint8_t {
    None,
    /// A variable: local, parameter, global, static.
    Var,
    /// The object a member function runs on.
    This,
    /// An object built by an expression (`Worker{db}` handed to a thread).
    Temp,
    /// Not an object: a name for something that serialises like a lock
    /// (an OpenMP critical section, "one thread of the team").
    Key,
  };

  Place() = default;
  static Place var(const clang::VarDecl *V, clang::QualType T);
  static Place self(clang::QualType T);
  static Place temp(const clang::Expr *E);
  static Place key(const void *K);

  Place field(const clang::FieldDecl *F) const;
  /// Any element of the container this place is.
  Place element(clang::QualType ElementType) const;

  bool valid() const { return Kind != Root::None; }
  Root root() const { return Kind; }
  const clang::VarDecl *rootVar() const;
  const clang::Expr *rootTemp() const;
  size_t depth() const { return Path.size(); }
  /// The data member of the last step, or null (a root, an element).
  const clang::FieldDecl *lastField() const;
  /// The declaration naming the object, for diagnostics: the last data
  /// member on the path, else the root variable; null for `this` and
  /// temporaries.
  const clang::ValueDecl *decl() const;
  /// The object's type as its declaration spells it (a handle's pointer
  /// type; references dropped).
  clang::QualType type() const { return Type; }
  /// The first Length steps of the path, with this type.
  Place prefix(size_t Length, clang::QualType T) const;
  /// This place with its first Length steps replaced by To.
  Place rebase(size_t Length, const Place &To) const;
  const void *step(size_t I) const { return Path[I]; }
  bool isPrefixOf(const Place &Other) const;
  /// "db", "repo.conn", "this->db_", "args->db", "pool[]".
  std::string spelling() const;

  bool operator==(const Place &O) const {
    return Kind == O.Kind && Base == O.Base && Path == O.Path;
  }
  bool operator!=(const Place &O) const { return !(*this == O); }
  unsigned hash() const;

  /// The step marker of a container element.
  static const void *elementStep();

private:
  Root Kind = Root::None;
  const void *Base = nullptr;
  llvm::SmallVector<const void *, 2> Path;
  clang::QualType Type;
};

/// Paths longer than this are cut: recursive data structures (`n->next`)
/// must not make places grow without end.
constexpr size_t MaxPlaceDepth = 4;

/// Answers placeOf() for calls of functions that return a reference,
/// pointer or handle to an object their caller can name (accessors,
/// singletons, caches). Implemented by the summaries.
class ReturnedPlaces {
public:
  virtual ~ReturnedPlaces() = default;
  /// The place Call returns, in the frame of the caller, or nothing.
  virtual std::optional<Place> returnedPlace(const clang::CallExpr *Call,
                                             const class Frame &Caller) = 0;
};

/// The index of the constructor parameter that Ctor binds the reference or
/// pointer member F to (`C(Conn &c) : c_(c)`, `c_ = &c;` in the body), if
/// it does.
std::optional<unsigned> memberBoundToParameter(const clang::CXXConstructorDecl *Ctor,
                                               const clang::FieldDecl *F);

class Frame {
public:
  /// Body is the function's body (a lambda's or coroutine's included).
  Frame(const clang::Decl *Function, const clang::Stmt *Body,
        clang::ASTContext &Ctx, SessionTypeClassifier &Types,
        ReturnedPlaces *Returns);

  /// The object E names, if it names one the analysis can follow.
  std::optional<Place> placeOf(const clang::Expr *E) const;
  /// The object the variable V names here (itself, or what it is bound to).
  Place placeOfVar(const clang::VarDecl *V) const;
  /// P with every reference or pointer member along its path replaced by
  /// the object this frame knows it is bound to (after a summary moved P
  /// from a callee's frame into this one).
  Place canonical(const Place &P) const;

  const clang::Decl *function() const { return Function; }
  const clang::Stmt *body() const { return Body; }
  clang::ASTContext &context() const { return Ctx; }
  SessionTypeClassifier &types() const { return Types; }
  /// Whether V is declared inside this frame's body (not a parameter, not
  /// a capture of the enclosing function).
  bool declaresLocal(const clang::VarDecl *V) const;

private:
  std::optional<Place> resolve(const clang::Expr *E, unsigned Depth) const;
  std::optional<Place> bindingOf(const clang::VarDecl *V, unsigned Depth) const;
  std::optional<Place> globalBinding(const clang::VarDecl *V, unsigned Depth) const;
  std::optional<Place> fieldBinding(const Place &Object,
                                    const clang::FieldDecl *F,
                                    unsigned Depth) const;
  std::optional<Place> boundByInit(const clang::Expr *Init,
                                   const clang::FieldDecl *F,
                                   unsigned Depth) const;
  std::optional<Place> callResult(const clang::CallExpr *Call,
                                  unsigned Depth) const;
  /// `p = &db` and `args.db = h` statements of the body.
  void collectAssignments();

  const clang::Decl *Function;
  const clang::Stmt *Body;
  clang::ASTContext &Ctx;
  SessionTypeClassifier &Types;
  ReturnedPlaces *Returns;
  /// Variables bound by assignment, when their declaration binds nothing.
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> Assigned;
  /// A range-for's element variable -> the range it walks.
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> RangeOf;
  /// (object variable, member) bound by assignment.
  llvm::DenseMap<std::pair<const clang::VarDecl *, const clang::FieldDecl *>,
                 const clang::Expr *>
      AssignedMembers;
  enum class State : uint8_t { InProgress, Bound, Unbound };
  mutable llvm::DenseMap<const clang::VarDecl *, std::pair<State, Place>> Bindings;
};

/// Whether T refers to an object held elsewhere: a reference, a pointer,
/// a shared_ptr/weak_ptr, a reference_wrapper, an opaque session handle.
/// Copying a value of such a type shares the object.
bool refersElsewhere(clang::QualType T, SessionTypeClassifier &Types);

/// The element type of a standard container, array or pointer T, or null.
clang::QualType elementTypeOf(clang::QualType T);

} // namespace sessionlint

namespace llvm {
template <> struct DenseMapInfo<sessionlint::Place> {
  static sessionlint::Place getEmptyKey() {
    return sessionlint::Place::key(reinterpret_cast<const void *>(-1));
  }
  static sessionlint::Place getTombstoneKey() {
    return sessionlint::Place::key(reinterpret_cast<const void *>(-2));
  }
  static unsigned getHashValue(const sessionlint::Place &P) { return P.hash(); }
  static bool isEqual(const sessionlint::Place &A, const sessionlint::Place &B) {
    return A == B;
  }
};
} // namespace llvm

#endif
