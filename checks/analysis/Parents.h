//===--- Parents.h - the parents of user code's nodes ------------*- C++ -*-===//
//
// ASTContext::getParents indexes the whole translation unit the first time
// anyone asks, every header included: on a file that includes Boost that
// index alone costs a tenth of the parse. The analysis only ever climbs
// from nodes of the program's own code, so it keeps its own index of the
// declarations outside system headers, built the same way (a
// RecursiveASTVisitor over template instantiations and implicit code, a
// node's parents being the declarations and statements around it), once
// per ASTContext and freed with it. A node the index does not hold (one in
// a system header) has no parents.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_PARENTS_H
#define SESSIONLINT_ANALYSIS_PARENTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "llvm/ADT/ArrayRef.h"

namespace sessionlint {

/// The parents of one node. Nearly every node has exactly one, a statement
/// or a declaration: the index stores that as one pointer and the list
/// carries it by value, so keep the list (not a pointer into it) while
/// its elements are in use.
class ParentList {
public:
  ParentList() = default;
  explicit ParentList(const clang::DynTypedNode &Single) : Single(Single), Count(1) {}
  explicit ParentList(llvm::ArrayRef<clang::DynTypedNode> Many) : Many(Many) {}

  const clang::DynTypedNode *begin() const { return Count ? &Single : Many.begin(); }
  const clang::DynTypedNode *end() const { return Count ? &Single + 1 : Many.end(); }
  size_t size() const { return Count ? 1 : Many.size(); }
  bool empty() const { return size() == 0; }
  const clang::DynTypedNode &operator[](size_t I) const { return begin()[I]; }

private:
  clang::DynTypedNode Single;
  llvm::ArrayRef<clang::DynTypedNode> Many;
  unsigned Count = 0; // 1 when the parent is Single.
};

/// The parents of Node, as ASTContext::getParents gives them under the
/// default traversal, for nodes of code outside system headers.
ParentList parentsOf(const clang::DynTypedNode &Node, clang::ASTContext &Ctx);

template <typename T>
ParentList parentsOf(const T &Node, clang::ASTContext &Ctx) {
  return parentsOf(clang::DynTypedNode::create(Node), Ctx);
}

/// The variable E initialises (`Cache c;`, `Cache c(args);`, `auto c =
/// Cache(args);`), looking through the nodes that only carry the value.
const clang::VarDecl *initializedVariable(const clang::Expr *E, clang::ASTContext &Ctx);

} // namespace sessionlint

#endif
