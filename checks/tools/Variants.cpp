//===--- Variants.cpp - rewrite test programs without changing what they do ===//
//
// `sessionlint-variants --rewrite=NAME FILE -- FLAGS` prints FILE rewritten by
// one semantics-preserving rewrite; `--list-functions` prints each function
// of FILE with its first and last line. test/variants/run.py applies every
// rewrite to every case of the lit suite and of the public corpus, runs
// sessionlint on the variants and scores them: a score reached by tuning the
// analysis to the tests' own shapes does not survive these rewrites.
//
// Each rewrite is one small function from a function definition to edits.
// A session variable is a local or parameter whose type is a session
// (analysis/SessionTypes.h); generated helpers and types are named after
// the function they come from (sl_<rewrite>_<function>_<n>), so that the
// scorer charges their findings to it.
//
//   field-ref      the session is used through a struct holding a reference
//   field-ptr      ... through a struct holding a pointer
//   field-value    ... held by value in a struct (default-built sessions)
//   unique-ptr     ... owned by a std::unique_ptr and used through get()
//   shared-ptr     ... owned by a std::shared_ptr and used through *
//   typedef        its type is spelled through an alias and an alias template
//   helper         each statement that uses it moves into a helper function
//   helper-2       ... two calls deep
//   lock-helper    each block that takes a lock moves, lock and all, into a
//                  helper
//   member         the function's body becomes a member function of a struct
//   macro-spawn    each spawn call is written through a macro
//   macro-lock     each lock declaration is written through a macro
//
//===----------------------------------------------------------------------===//
#include "analysis/SessionTypes.h"
#include "analysis/SpawnSites.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Rewrite/Core/Rewriter.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace sessionlint;

namespace {

llvm::cl::OptionCategory Category("sessionlint-variants options");
llvm::cl::opt<std::string> RewriteName("rewrite", llvm::cl::desc("The rewrite to apply"),
                                       llvm::cl::cat(Category));
llvm::cl::opt<bool> ListFunctions("list-functions",
                                  llvm::cl::desc("Print each function and its lines"),
                                  llvm::cl::cat(Category));

/// What the rewrites share: the file, the rewriter, helpers to read text.
struct Context {
  ASTContext &Ctx;
  SourceManager &SM;
  Rewriter &R;
  SessionTypeClassifier &Types;
  /// Text to put before the function being rewritten (helpers, types).
  std::string Before;
  /// Numbers the names the rewrites make, across the whole file.
  unsigned &Counter;
  bool DeclaredAhead = false;
  bool Changed = false;

  std::string text(SourceRange Range) const {
    return Lexer::getSourceText(CharSourceRange::getTokenRange(Range), SM,
                                Ctx.getLangOpts())
        .str();
  }
  bool editable(SourceRange Range) const {
    return Range.isValid() && !Range.getBegin().isMacroID() &&
           !Range.getEnd().isMacroID() && SM.isInMainFile(Range.getBegin());
  }
  std::string fresh(llvm::StringRef Kind, const FunctionDecl *F) {
    std::string Name = F->getDeclName().isIdentifier() ? F->getNameAsString() : "operator";
    return ("sl_" + Kind + "_" + Name + "_" + llvm::Twine(++Counter)).str();
  }
  /// Whether L is on a `#pragma` line (an OpenMP clause names variables,
  /// not expressions).
  bool onPragmaLine(SourceLocation L) const {
    bool Invalid = false;
    unsigned Line = SM.getSpellingLineNumber(L, &Invalid);
    if (Invalid)
      return true;
    FileID File = SM.getFileID(SM.getSpellingLoc(L));
    SourceLocation Start = SM.translateLineCol(File, Line, 1);
    llvm::StringRef Text = SM.getBufferData(File).substr(SM.getFileOffset(Start));
    return Text.ltrim().starts_with("#");
  }
  void replace(SourceRange Range, llvm::StringRef With) {
    if (!R.ReplaceText(CharSourceRange::getTokenRange(Range), With))
      Changed = true;
  }
  void insertAfterToken(SourceLocation L, llvm::StringRef Text) {
    SourceLocation End = Lexer::getLocForEndOfToken(L, 0, SM, Ctx.getLangOpts());
    if (!R.InsertTextAfter(End, Text))
      Changed = true;
  }
};

bool isSession(QualType T, SessionTypeClassifier &Types) {
  SessionType S = Types.classify(T);
  return (S.Result == Verdict::Unsafe || S.Result == Verdict::ThreadAffine) &&
         !S.Holder;
}

/// The session variables of F: parameters and locals declared in a block,
/// with their uses and the lambda captures that name them.
struct SessionVar {
  const VarDecl *Var;
  const DeclStmt *Decl = nullptr; // null for a parameter
  std::vector<const DeclRefExpr *> Uses;
  std::vector<std::pair<const LambdaExpr *, const LambdaCapture *>> Captures;
  bool ImplicitCopyCapture = false;
  bool CopyCaptured = false;
};

class VarCollector : public RecursiveASTVisitor<VarCollector> {
public:
  VarCollector(const FunctionDecl *F, SessionTypeClassifier &Types) : F(F), Types(Types) {
    for (const ParmVarDecl *P : F->parameters())
      if (isSession(P->getType(), Types) && !P->getName().empty())
        Vars.push_back({P});
  }
  bool VisitDeclStmt(DeclStmt *S) {
    for (const Decl *D : S->decls())
      if (const auto *V = dyn_cast<VarDecl>(D);
          V && V->isLocalVarDecl() && !V->isStaticLocal() &&
          isSession(V->getType(), Types) && S->isSingleDecl())
        Vars.push_back({V, S});
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    // The same name can be in the tree twice (an OpenMP region's captures).
    if (SessionVar *V = find(E->getDecl());
        V && !CaptureInits.contains(E) &&
        llvm::none_of(V->Uses, [&](const DeclRefExpr *U) {
          return U->getLocation() == E->getLocation();
        }))
      V->Uses.push_back(E);
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    // An explicit capture's own name is rewritten as a capture, not a use.
    for (const Expr *Init : L->capture_inits())
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
              Init ? Init->IgnoreImplicit() : nullptr))
        for (const LambdaCapture &C : L->explicit_captures())
          if (C.capturesVariable() && !C.getCapturedVar()->isInitCapture() &&
              C.getLocation() == Ref->getLocation())
            CaptureInits.insert(Ref);
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable())
        if (SessionVar *V = find(C.getCapturedVar())) {
          bool ByCopy = C.getCaptureKind() == LCK_ByCopy;
          if (C.isImplicit() && ByCopy)
            V->ImplicitCopyCapture = true;
          else if (!C.isImplicit())
            V->Captures.push_back({L, &C});
          V->CopyCaptured |= ByCopy;
        }
    return RecursiveASTVisitor::TraverseLambdaExpr(L);
  }
  SessionVar *find(const ValueDecl *D) {
    for (SessionVar &V : Vars)
      if (V.Var == D)
        return &V;
    return nullptr;
  }
  std::vector<SessionVar> Vars;

private:
  llvm::SmallPtrSet<const DeclRefExpr *, 8> CaptureInits;
  const FunctionDecl *F;
  SessionTypeClassifier &Types;
};

/// Rewrites every use of V to Use and every explicit capture of it to
/// Capture; after Declared (the new declaration's text) is inserted where V
/// is declared, or at the top of the body for a parameter.
bool redirect(Context &C, const FunctionDecl *F, SessionVar &V, llvm::StringRef Declared,
              llvm::StringRef Use, llvm::StringRef Capture) {
  if (V.ImplicitCopyCapture)
    return false;
  for (const DeclRefExpr *E : V.Uses)
    if (!C.editable(E->getSourceRange()) || C.onPragmaLine(E->getBeginLoc()))
      return false;
  for (auto &[L, Cap] : V.Captures)
    if (!C.editable(SourceRange(Cap->getLocation())))
      return false;
  if (V.Decl) {
    // Only a declaration that is a statement of a block can be followed by
    // another one: `while (x) pqxx::work w(db);` has no room after it.
    DynTypedNodeList Parents = C.Ctx.getParents(*V.Decl);
    if (Parents.empty() || !Parents[0].get<CompoundStmt>())
      return false;
    if (!C.editable(V.Decl->getSourceRange()))
      return false;
    C.insertAfterToken(V.Decl->getEndLoc(), (" " + Declared).str());
  } else {
    const auto *Body = dyn_cast<CompoundStmt>(F->getBody());
    if (!Body || !C.editable(SourceRange(Body->getLBracLoc())))
      return false;
    C.insertAfterToken(Body->getLBracLoc(), (" " + Declared).str());
  }
  for (const DeclRefExpr *E : V.Uses)
    C.replace(E->getSourceRange(), Use);
  for (auto &[L, Cap] : V.Captures)
    if (!Cap->capturesVariable() || !Cap->getCapturedVar()->isInitCapture())
      C.replace(SourceRange(Cap->getLocation()), Capture);
  return true;
}

std::string typeText(Context &C, const VarDecl *V) {
  if (const TypeSourceInfo *TSI = V->getTypeSourceInfo())
    return C.text(TSI->getTypeLoc().getSourceRange());
  return V->getType().getAsString();
}

// --- the rewrites -------------------------------------------------------------

void fieldRef(Context &C, const FunctionDecl *F, std::vector<SessionVar> &Vars) {
  for (SessionVar &V : Vars) {
    if (V.CopyCaptured && !V.Var->getType()->isPointerType())
      continue; // A copy of the box would share what the copy did not.
    std::string Box = C.fresh("box", F);
    std::string Name = V.Var->getNameAsString();
    redirect(C, F, V,
             "struct " + Box + "_t { decltype((" + Name + ")) r; } " + Box + "{" + Name + "};",
             Box + ".r", Box);
  }
}

void fieldPtr(Context &C, const FunctionDecl *F, std::vector<SessionVar> &Vars) {
  for (SessionVar &V : Vars) {
    if (V.CopyCaptured && !V.Var->getType()->isPointerType())
      continue;
    std::string Box = C.fresh("ptr", F);
    std::string Name = V.Var->getNameAsString();
    redirect(C, F, V,
             "struct " + Box + "_t { decltype(&" + Name + ") p; } " + Box + "{&" + Name + "};",
             "(*" + Box + ".p)", Box);
  }
}

/// Locals declared without an initializer (default-built sessions) move
/// into a struct that holds them by value.
void fieldValue(Context &C, const FunctionDecl *F, std::vector<SessionVar> &Vars) {
  for (SessionVar &V : Vars) {
    if (!V.Decl || V.ImplicitCopyCapture || V.CopyCaptured ||
        V.Var->getType()->isReferenceType())
      continue;
    const Expr *Init = V.Var->getInit();
    if (Init && !isa<CXXConstructExpr>(Init->IgnoreImplicit()))
      continue;
    // Only a default construction moves without its arguments (a
    // `QSqlQuery query(db)` under an ExprWithCleanups too).
    if (const auto *Ctor = dyn_cast_or_null<CXXConstructExpr>(Init ? Init->IgnoreImplicit() : nullptr);
        Ctor && Ctor->getNumArgs() > 0 && !isa<CXXDefaultArgExpr>(Ctor->getArg(0)))
      continue;
    if (!C.editable(V.Decl->getSourceRange()))
      continue;
    std::string Hold = C.fresh("hold", F);
    std::string Type = typeText(C, V.Var);
    bool Ok = true;
    for (const DeclRefExpr *E : V.Uses)
      Ok &= C.editable(E->getSourceRange()) && !C.onPragmaLine(E->getBeginLoc());
    if (!Ok)
      continue;
    C.replace(V.Decl->getSourceRange(),
              "struct " + Hold + "_t { " + Type + " x; } " + Hold + ";");
    for (const DeclRefExpr *E : V.Uses)
      C.replace(E->getSourceRange(), Hold + ".x");
    for (auto &[L, Cap] : V.Captures)
      C.replace(SourceRange(Cap->getLocation()), Hold);
  }
}

void ownedBy(Context &C, const FunctionDecl *F, std::vector<SessionVar> &Vars,
             bool Shared) {
  for (SessionVar &V : Vars) {
    if (!V.Decl || V.ImplicitCopyCapture || V.Var->getType()->isReferenceType() ||
        V.Var->getType()->isPointerType() || V.Var->getInit() &&
            !isa<CXXConstructExpr>(V.Var->getInit()->IgnoreImplicit()))
      continue;
    if (V.CopyCaptured)
      continue; // A copied unique_ptr does not compile; a copied shared_ptr shares.
    if (const auto *Ctor = dyn_cast_or_null<CXXConstructExpr>(
            V.Var->getInit() ? V.Var->getInit()->IgnoreImplicit() : nullptr);
        Ctor && Ctor->getNumArgs() > 0 && !isa<CXXDefaultArgExpr>(Ctor->getArg(0)))
      continue;
    bool Ok = C.editable(V.Decl->getSourceRange());
    for (const DeclRefExpr *E : V.Uses)
      Ok &= C.editable(E->getSourceRange()) && !C.onPragmaLine(E->getBeginLoc());
    if (!Ok)
      continue;
    std::string Own = C.fresh(Shared ? "shared" : "owned", F);
    std::string Type = typeText(C, V.Var);
    C.replace(V.Decl->getSourceRange(),
              Shared ? "std::shared_ptr<" + Type + "> " + Own + " = std::make_shared<" +
                           Type + ">();"
                     : "std::unique_ptr<" + Type + "> " + Own + " = std::make_unique<" +
                           Type + ">();");
    for (const DeclRefExpr *E : V.Uses)
      C.replace(E->getSourceRange(), Shared ? "(*" + Own + ")" : "(*" + Own + ".get())");
    for (auto &[L, Cap] : V.Captures)
      C.replace(SourceRange(Cap->getLocation()), Own);
  }
}

void typedefs(Context &C, const FunctionDecl *F, std::vector<SessionVar> &Vars) {
  for (SessionVar &V : Vars) {
    const TypeSourceInfo *TSI = V.Var->getTypeSourceInfo();
    if (!TSI)
      continue;
    TypeLoc TL = TSI->getTypeLoc();
    bool Ref = false, Ptr = false;
    if (auto R = TL.getAs<ReferenceTypeLoc>()) {
      TL = R.getPointeeLoc();
      Ref = true;
    } else if (auto P = TL.getAs<PointerTypeLoc>()) {
      TL = P.getPointeeLoc();
      Ptr = true;
    }
    (void)Ref;
    (void)Ptr;
    SourceRange Range = TL.getSourceRange();
    if (!C.editable(Range) || V.Var->getType()->isUndeducedType() ||
        isa<AutoType>(V.Var->getType().getTypePtr()) ||
        TL.getType()->getContainedAutoType())
      continue;
    std::string Alias = C.fresh("alias", F);
    std::string Inner = C.text(Range);
    if (Inner.empty())
      continue;
    C.Before += "using " + Alias + " = " + Inner + ";\n";
    C.Before += "template <class X> using " + Alias + "_t = X;\n";
    C.replace(Range, Alias + "_t<" + Alias + ">");
  }
}

/// The local variables and parameters S names that are declared outside S,
/// or false when S cannot move into a function of its own.
bool freeVariables(const Stmt *S, const FunctionDecl *F, const SourceManager &SM,
                   llvm::SmallVectorImpl<const VarDecl *> &Out) {
  bool Movable = true;
  llvm::SmallPtrSet<const VarDecl *, 8> Inside;
  auto DeclaredInside = [&](const VarDecl *V) {
    return Inside.contains(V) ||
           SM.isPointWithin(V->getLocation(), S->getBeginLoc(), S->getEndLoc());
  };
  std::function<void(const Stmt *)> Walk = [&](const Stmt *N) {
    if (!N || !Movable)
      return;
    if (isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt, CoreturnStmt, CoawaitExpr,
            CoyieldExpr, CXXThisExpr, LabelStmt, CaseStmt, DefaultStmt,
            OMPExecutableDirective>(N)) {
      Movable = false;
      return;
    }
    if (const auto *D = dyn_cast<DeclStmt>(N))
      for (const Decl *X : D->decls())
        if (const auto *V = dyn_cast<VarDecl>(X))
          Inside.insert(V);
    if (const auto *L = dyn_cast<LambdaExpr>(N)) {
      for (const LambdaCapture &Cap : L->captures())
        if (Cap.capturesThis()) {
          Movable = false;
          return;
        }
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(N))
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
          V && !V->hasGlobalStorage() && !DeclaredInside(V) &&
          !llvm::is_contained(Out, V)) {
        QualType T = V->getType().getNonReferenceType();
        const CXXRecordDecl *R = T->getAsCXXRecordDecl();
        // A type that cannot be spelled (a lambda's, an unnamed struct's).
        if (T->isArrayType() || V->getType()->isRValueReferenceType() ||
            V->getType()->isUndeducedType() ||
            (R && (R->isLambda() || !R->getIdentifier() ||
                   !R->getDeclContext()->isFileContext() &&
                       !isa<CXXRecordDecl>(R->getDeclContext()))))
          Movable = false;
        Out.push_back(V);
      }
    for (const Stmt *Child : N->children())
      Walk(Child);
  };
  Walk(S);
  return Movable;
}

std::string parameterList(Context &C, llvm::ArrayRef<const VarDecl *> Vars) {
  std::string Out;
  for (const VarDecl *V : Vars) {
    if (!Out.empty())
      Out += ", ";
    Out += "decltype(" + V->getNameAsString() + ") &" + V->getNameAsString();
  }
  return Out;
}

/// `decltype(x) &x` does not work for a parameter named in the helper's own
/// list: the helper takes each by a reference to its declared type.
std::string parameterListTyped(llvm::ArrayRef<const VarDecl *> Vars, ASTContext &Ctx) {
  std::string Out;
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressScope = false;
  Policy.FullyQualifiedName = true;
  Policy.SuppressUnwrittenScope = true; // No `(anonymous namespace)::`.
  Policy.SuppressTagKeyword = true;
  for (const VarDecl *V : Vars) {
    if (!Out.empty())
      Out += ", ";
    // Fully qualified, typedefs kept: `SQLHDBC` is a session where `void *`
    // is not.
    QualType T = V->getType().getNonReferenceType();
    // What `auto` deduced has no spelling of its own: the canonical type.
    if (T->getContainedAutoType())
      T = T.getCanonicalType();
    Out += TypeName::getFullyQualifiedName(T, Ctx, Policy) + " &" + V->getNameAsString();
  }
  return Out;
}

std::string argumentList(llvm::ArrayRef<const VarDecl *> Vars) {
  std::string Out;
  for (const VarDecl *V : Vars)
    Out += (Out.empty() ? "" : ", ") + V->getNameAsString();
  return Out;
}

/// Whether S mentions a session variable of Vars.
bool mentionsSession(const Stmt *S, llvm::ArrayRef<SessionVar> Vars) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    for (const SessionVar &V : Vars)
      if (V.Var == Ref->getDecl())
        return true;
  for (const Stmt *Child : S->children())
    if (mentionsSession(Child, Vars))
      return true;
  return false;
}

bool takesLock(const Stmt *S) {
  const auto *D = dyn_cast<DeclStmt>(S);
  if (!D || !D->isSingleDecl())
    return false;
  const auto *V = dyn_cast<VarDecl>(D->getSingleDecl());
  const CXXRecordDecl *R = V ? V->getType()->getAsCXXRecordDecl() : nullptr;
  if (!R)
    return false;
  llvm::StringRef Name = R->getName();
  return Name == "lock_guard" || Name == "unique_lock" || Name == "scoped_lock";
}

/// What goes before F's helpers: F's own declaration, so that a helper made
/// from a recursive call can name it.
void declareAhead(Context &C, const FunctionDecl *F) {
  if (C.DeclaredAhead || isa<CXXMethodDecl>(F) || F->isTemplated() ||
      !C.editable(F->getSourceRange()) ||
      llvm::any_of(F->parameters(), [](const ParmVarDecl *P) { return P->hasDefaultArg(); }))
    return;
  std::string Head =
      C.text(SourceRange(F->getBeginLoc(), F->getBody()->getBeginLoc()));
  if (Head.empty() || Head.back() != '{')
    return;
  Head.pop_back();
  C.Before += Head + ";\n";
  C.DeclaredAhead = true;
}

/// Moves S, a statement of a block, into a helper function taking what it
/// names by reference; Depth 2 adds a second helper in between.
void extract(Context &C, const FunctionDecl *F, const Stmt *S, unsigned Depth) {
  if (!C.editable(S->getSourceRange()) || isa<DeclStmt>(S) || isa<NullStmt>(S))
    return;
  llvm::SmallVector<const VarDecl *, 4> Free;
  if (!freeVariables(S, F, C.SM, Free))
    return;
  declareAhead(C, F);
  std::string Params = parameterListTyped(Free, C.Ctx);
  std::string Args = argumentList(Free);
  std::string Body = C.text(S->getSourceRange());
  if (Body.empty())
    return;
  if (!isa<CompoundStmt>(S) && Body.back() != ';' && Body.back() != '}')
    Body += ";";
  std::string Inner = C.fresh("helper", F);
  C.Before += "static void " + Inner + "(" + Params + ") {\n  " + Body + "\n}\n";
  std::string Called = Inner;
  if (Depth == 2) {
    std::string Outer = C.fresh("helper", F);
    C.Before += "static void " + Outer + "(" + Params + ") { " + Inner + "(" + Args +
                "); }\n";
    Called = Outer;
  }
  SourceRange Range = S->getSourceRange();
  // A statement's range stops before its semicolon.
  std::string Replacement = Called + "(" + Args + ")";
  if (isa<CompoundStmt>(S))
    Replacement = "{ " + Replacement + "; }";
  C.replace(Range, Replacement);
}

void helpers(Context &C, const FunctionDecl *F, std::vector<SessionVar> &Vars,
             unsigned Depth) {
  if (F->isTemplated() || isa<CXXMethodDecl>(F))
    return;
  std::function<void(const Stmt *)> Blocks = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      for (const Stmt *Child : Block->body()) {
        if (mentionsSession(Child, Vars) && !isa<CompoundStmt>(Child) &&
            !isa<IfStmt, ForStmt, WhileStmt, DoStmt, SwitchStmt, CXXForRangeStmt,
                 CXXTryStmt>(Child))
          extract(C, F, Child, Depth);
        else
          Blocks(Child);
      }
      return;
    }
    if (isa<LambdaExpr>(S)) {
      Blocks(cast<LambdaExpr>(S)->getBody());
      return;
    }
    for (const Stmt *Child : S->children())
      Blocks(Child);
  };
  Blocks(F->getBody());
}

void lockHelpers(Context &C, const FunctionDecl *F, std::vector<SessionVar> &Vars) {
  if (F->isTemplated() || isa<CXXMethodDecl>(F))
    return;
  std::function<void(const Stmt *, bool)> Walk = [&](const Stmt *S, bool Top) {
    if (!S)
      return;
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      if (!Top && !Block->body_empty() && takesLock(Block->body_front()) &&
          mentionsSession(Block, Vars)) {
        extract(C, F, Block, 1);
        return;
      }
      for (const Stmt *Child : Block->body())
        Walk(Child, false);
      return;
    }
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      Walk(L->getBody(), false);
      return;
    }
    for (const Stmt *Child : S->children())
      Walk(Child, false);
  };
  Walk(F->getBody(), true);
}

/// The whole body becomes a member function: `struct X { R run(P) BODY };`
/// and the function calls it.
void member(Context &C, const FunctionDecl *F) {
  if (isa<CXXMethodDecl>(F) || F->isTemplated() || F->isMain() ||
      !C.editable(F->getBody()->getSourceRange()) || F->getReturnType()->isUndeducedType())
    return;
  for (const ParmVarDecl *P : F->parameters())
    if (P->getName().empty())
      return;
  // A coroutine's body must stay in a coroutine: the member is one too.
  std::string Struct = C.fresh("impl", F);
  PrintingPolicy Policy(C.Ctx.getLangOpts());
  Policy.FullyQualifiedName = true;
  Policy.SuppressUnwrittenScope = true; // No `(anonymous namespace)::`.
  std::string Ret = F->getReturnType().getAsString(Policy);
  std::string Params;
  std::string Args;
  for (const ParmVarDecl *P : F->parameters()) {
    Params += (Params.empty() ? "" : ", ") + P->getType().getAsString(Policy) + " " +
              P->getNameAsString();
    bool Moves = !P->getType()->isReferenceType() && !P->getType()->isPointerType() &&
                 !P->getType()->isScalarType();
    Args += (Args.empty() ? "" : ", ") +
            (Moves ? "std::move(" + P->getNameAsString() + ")" : P->getNameAsString());
  }
  declareAhead(C, F);
  // A function only this file can call keeps that property: its struct
  // goes into an unnamed namespace.
  bool Internal = F->getFormalLinkage() == Linkage::Internal;
  C.Before += std::string(Internal ? "namespace {\n" : "") + "struct " + Struct + " {\n  " +
              Ret + " sl_run(" + Params + ") " + C.text(F->getBody()->getSourceRange()) +
              "\n};\n" + (Internal ? "} // namespace\n" : "");
  C.replace(F->getBody()->getSourceRange(),
            "{ return " + Struct + "{}.sl_run(" + Args + "); }");
}

/// `std::thread t(...)`, `std::async(...)`, `co_spawn(...)`: each spawn
/// written through a macro.
class SpawnFinder : public RecursiveASTVisitor<SpawnFinder> {
public:
  bool VisitStmt(Stmt *S) {
    if (isSpawnCandidate(*S) && !isa<OMPExecutableDirective>(S))
      Found.push_back(S);
    return true;
  }
  std::vector<const Stmt *> Found;
};

void macroSpawn(Context &C, const FunctionDecl *F) {
  SpawnFinder Finder;
  Finder.TraverseStmt(const_cast<Stmt *>(F->getBody()));
  for (const Stmt *S : Finder.Found) {
    SourceRange Range = S->getSourceRange();
    // A thread constructed into a variable: the whole declaration.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S);
        Construct && Construct->getParenOrBraceRange().isValid()) {
      continue;
    }
    if (!C.editable(Range))
      continue;
    std::string Macro = "SL_SPAWN_" + std::to_string(++C.Counter);
    C.Before += "#define " + Macro + "(...) __VA_ARGS__\n";
    C.replace(Range, Macro + "(" + C.text(Range) + ")");
  }
}

void macroLock(Context &C, const FunctionDecl *F) {
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S)
      return;
    if (takesLock(S) && C.editable(S->getSourceRange())) {
      std::string Macro = "SL_LOCK_" + std::to_string(++C.Counter);
      C.Before += "#define " + Macro + "(...) __VA_ARGS__;\n";
      std::string Decl = C.text(S->getSourceRange());
      if (!Decl.empty() && Decl.back() == ';')
        Decl.pop_back();
      C.replace(S->getSourceRange(), Macro + "(" + Decl + ")");
      return;
    }
    for (const Stmt *Child : S->children())
      Walk(Child);
  };
  Walk(F->getBody());
}

bool apply(Context &C, const FunctionDecl *F) {
  VarCollector Collector(F, C.Types);
  Collector.TraverseStmt(const_cast<Stmt *>(F->getBody()));
  std::vector<SessionVar> &Vars = Collector.Vars;
  llvm::StringRef Name = RewriteName;
  if (Name == "field-ref")
    fieldRef(C, F, Vars);
  else if (Name == "field-ptr")
    fieldPtr(C, F, Vars);
  else if (Name == "field-value")
    fieldValue(C, F, Vars);
  else if (Name == "unique-ptr")
    ownedBy(C, F, Vars, false);
  else if (Name == "shared-ptr")
    ownedBy(C, F, Vars, true);
  else if (Name == "typedef")
    typedefs(C, F, Vars);
  else if (Name == "helper")
    helpers(C, F, Vars, 1);
  else if (Name == "helper-2")
    helpers(C, F, Vars, 2);
  else if (Name == "lock-helper")
    lockHelpers(C, F, Vars);
  else if (Name == "member")
    member(C, F);
  else if (Name == "macro-spawn")
    macroSpawn(C, F);
  else if (Name == "macro-lock")
    macroLock(C, F);
  else
    return false;
  return true;
}

/// The functions of the main file, outermost first (methods of classes
/// defined in it included); lambdas are part of their function.
class Functions : public RecursiveASTVisitor<Functions> {
public:
  explicit Functions(const SourceManager &SM) : SM(SM) {}
  bool VisitFunctionDecl(FunctionDecl *F) {
    if (F->doesThisDeclarationHaveABody() && SM.isInMainFile(F->getLocation()) &&
        !F->isImplicit() && F->getTemplateInstantiationPattern() == nullptr &&
        !(isa<CXXMethodDecl>(F) && cast<CXXMethodDecl>(F)->getParent()->isLambda()))
      Found.push_back(F);
    return true;
  }
  std::vector<const FunctionDecl *> Found;

private:
  const SourceManager &SM;
};

class Consumer : public ASTConsumer {
public:
  void HandleTranslationUnit(ASTContext &Ctx) override {
    SourceManager &SM = Ctx.getSourceManager();
    Functions All(SM);
    All.TraverseDecl(Ctx.getTranslationUnitDecl());
    if (ListFunctions) {
      for (const FunctionDecl *F : All.Found) {
        const DeclContext *DC = F->getDeclContext();
        std::string Name = F->getNameAsString();
        if (const auto *R = dyn_cast<CXXRecordDecl>(DC))
          Name = R->getNameAsString() + "::" + Name;
        llvm::outs() << Name << " " << SM.getPresumedLineNumber(F->getBeginLoc())
                     << " " << SM.getPresumedLineNumber(F->getEndLoc()) << "\n";
      }
      return;
    }
    Rewriter R(SM, Ctx.getLangOpts());
    SessionTypeClassifier Types({}, {});
    for (const FunctionDecl *F : All.Found) {
      // Functions inside classes are rewritten in place; their helpers go
      // before the outermost declaration that holds them.
      Context C{Ctx, SM, R, Types, "", Counter};
      if (!apply(C, F)) {
        llvm::errs() << "sessionlint-variants: unknown rewrite '" << RewriteName << "'\n";
        Failed = true;
        return;
      }
      if (!C.Before.empty()) {
        const Decl *Outer = F;
        while (const auto *Parent = dyn_cast<Decl>(Outer->getDeclContext())) {
          if (isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl>(Parent))
            break;
          Outer = Parent;
        }
        SourceLocation At = SM.getExpansionLoc(Outer->getBeginLoc());
        if (const auto *T = dyn_cast<FunctionDecl>(Outer);
            T && T->getDescribedFunctionTemplate())
          At = SM.getExpansionLoc(T->getDescribedFunctionTemplate()->getBeginLoc());
        R.InsertTextBefore(At, C.Before);
      }
    }
    const auto *Buffer = R.getRewriteBufferFor(SM.getMainFileID());
    // Every variant includes what its rewrites use.
    llvm::outs() << "#include <memory>\n#include <utility>\n";
    if (Buffer)
      llvm::outs() << std::string(Buffer->begin(), Buffer->end());
    else
      llvm::outs() << SM.getBufferData(SM.getMainFileID());
  }
  bool Failed = false;
  unsigned Counter = 0;
};

class Action : public ASTFrontendAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, StringRef) override {
    return std::make_unique<Consumer>();
  }
};

} // namespace

int main(int argc, const char **argv) {
  auto Options = tooling::CommonOptionsParser::create(argc, argv, Category);
  if (!Options) {
    llvm::errs() << llvm::toString(Options.takeError()) << "\n";
    return 2;
  }
  tooling::ClangTool Tool(Options->getCompilations(), Options->getSourcePathList());
  return Tool.run(tooling::newFrontendActionFactory<Action>().get());
}
