//===--- HandlerChains.h - which completion handlers start which operations -*- C++ -*-===//
//
// Callback-style code keeps work going with chains: a read's completion
// handler starts the next read, a timer's handler re-arms the timer. Each
// chain keeps one operation of its own in flight. Two chains that start
// operations on one session run independently, so their operations can be
// in flight together (a keep-alive query from a timer beside the request
// chain); and an operation that a chain starts on every turn without
// waiting for it (each write completion starting another read while the
// read chain has one outstanding) piles up.
//
// The graph: a node per operation started with a completion handler; an
// edge A -> B when A's handler starts B (in its body, or in a member
// function of the same class it calls, three levels down, or in a lambda it
// posts), and from a per-message entry point (analysis/StartGuards.h) to
// what it starts. A chain is a strongly connected component with a cycle;
// an entry point repeats on its own.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_HANDLERCHAINS_H
#define SESSIONLINT_ANALYSIS_HANDLERCHAINS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <vector>

namespace sessionlint {

/// An operation started with a completion handler.
struct ChainStart {
  const clang::CallExpr *Call;
  /// The function the call is written in (a lambda's call operator too).
  const clang::Decl *Function;
  /// Its completion handler as written.
  const clang::Expr *Handler;
};

/// A call on the way from a handler or entry point to a start, and the
/// function it is written in; the last is the start itself.
struct Hop {
  const clang::Stmt *Call;
  const clang::Decl *Function;
};

/// The call, if any, that posts, dispatches or defers Lambda: such a lambda
/// runs once per run of the function that posts it.
const clang::CallExpr *postingCall(const clang::LambdaExpr *Lambda,
                                   clang::ASTContext &Ctx);

/// The lambda expression whose call operator Function is, if any.
const clang::LambdaExpr *lambdaFor(const clang::Decl *Function, clang::ASTContext &Ctx);

class HandlerChains {
public:
  /// The classes' member functions for which IsEntry holds are per-message
  /// entry points: each repeats on its own.
  HandlerChains(std::vector<ChainStart> Starts, clang::ASTContext &Ctx,
                llvm::function_ref<bool(const clang::CXXMethodDecl *)> IsEntry);

  const ChainStart &start(unsigned I) const { return Starts[I]; }
  size_t size() const { return Starts.size(); }

  /// A chain that starts operation X, and the edge through which it does.
  struct Feed {
    unsigned Component;
    /// The source whose handler (or, for an entry point, body) starts X.
    unsigned From;
    bool FromEntry;
    llvm::ArrayRef<Hop> Hops;
  };
  /// Every chain (repeating component) that starts X, once each, through
  /// an edge Keep accepts. Edges inside X's own component are the chain
  /// itself and always count.
  llvm::SmallVector<Feed, 2>
  feedsOf(unsigned X, llvm::function_ref<bool(llvm::ArrayRef<Hop>)> Keep) const;

  unsigned componentOf(unsigned X) const { return Component[X]; }
  /// Whether X's completion handler could be read: one that cannot may
  /// start anything, its own operation again included.
  bool handlerReadable(unsigned X) const { return Readable[X]; }
  /// The entry point a source index past the starts stands for.
  const clang::CXXMethodDecl *entry(unsigned Source) const {
    return Entries[Source - Starts.size()];
  }

private:
  struct Edge {
    unsigned From;
    unsigned To;
    llvm::SmallVector<Hop, 3> Hops;
  };
  void addEdgesFrom(unsigned Source, const clang::Decl *Function,
                    const clang::CXXRecordDecl *Class);
  void computeComponents();

  clang::ASTContext &Ctx;
  std::vector<ChainStart> Starts;
  std::vector<const clang::CXXMethodDecl *> Entries;
  /// Per start: the body it runs in (a method's, or a handler lambda's) and
  /// its class.
  std::vector<const clang::Stmt *> Container;
  std::vector<const clang::CXXRecordDecl *> Class;
  std::vector<bool> Readable;
  std::vector<Edge> Edges;
  /// Per source (starts, then entries).
  std::vector<unsigned> Component;
  std::vector<bool> Repeats;    // per component
  std::vector<bool> ReachesAll; // per component pair, row-major: C reaches D
  unsigned Components = 0;
};

} // namespace sessionlint

#endif
