//===--- CompilerErrors.h - where the compiler said a file is wrong -*- C++ -*-===//
//
// clangd runs the checks on every keystroke, so on code that does not
// compile. Clang leaves a trace of some errors in the AST (a RecoveryExpr,
// an invalid declaration) but drops others without one: with `lock`
// undeclared, the statement `lock.lock();` is simply not there, and the use
// after it looks unguarded. Only the diagnostics know. recordCompilerErrors()
// chains a recorder in front of the translation unit's diagnostic consumer
// (forwarding everything), and compilerErrorWithin() asks whether an error
// was reported inside a source range: such a function is half typed, and the
// engine says nothing about it (issue 15.9).
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_ANALYSIS_COMPILERERRORS_H
#define SESSIONLINT_ANALYSIS_COMPILERERRORS_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"

namespace clang {
class ASTContext;
class Decl;
} // namespace clang

namespace sessionlint {

/// From now on, remember where Diags reports errors. Idempotent: every check
/// of a translation unit calls it, one recorder is installed.
void recordCompilerErrors(clang::DiagnosticsEngine &Diags);

/// Whether an error was reported within Range (file locations, macros
/// expanded). False when nothing records errors for Ctx.
bool compilerErrorWithin(const clang::ASTContext &Ctx, clang::SourceRange Range);

/// True when errors are being recorded for Ctx and none was reported: the
/// file compiles, and no declaration in it is broken.
bool compiledCleanly(const clang::ASTContext &Ctx);

/// Whether an error was reported within D or on the rest of its last line:
/// `void f() MACRO(x);` with MACRO undefined ends f's declaration before
/// the error, and f loses what the macro said about it.
bool compilerErrorAt(const clang::Decl &D);

} // namespace sessionlint

#endif
