//===--- Database.h - load compilation databases strictly -------*- C++ -*-===//
//
// clang's JSON database loader stops at the first syntax error and keeps the
// entries before it, and skips an entry whose "directory" is relative
// ("Compile command not found"). A lint run that silently analyses half a
// project is worse than one that stops, so sessionlint reads
// compile_commands.json itself first: any syntax error, any entry without
// "directory", "file" and "command"/"arguments", is an error naming the file
// and the position. A relative "directory" is resolved against the folder
// that holds the database, as CMake, Bear and clangd users expect.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_TOOL_DATABASE_H
#define SESSIONLINT_TOOL_DATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace sessionlint::cli {

/// The database in Dir: compile_commands.json, checked and normalised as
/// above, or else any other format clang tooling knows (compile_flags.txt).
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadDatabase(llvm::StringRef Dir);

/// The database of the closest directory above File (File's own included)
/// that holds one. Fails when none does, or when the one found is broken.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
findDatabaseFor(llvm::StringRef File);

/// Parses and normalises the text of a compile_commands.json found in Dir;
/// the result can be handed to JSONCompilationDatabase::loadFromBuffer.
/// Exposed for the fuzzer and the tests.
llvm::Expected<std::string> normaliseCompileCommands(llvm::StringRef Text,
                                                     llvm::StringRef Dir,
                                                     llvm::StringRef Name);

} // namespace sessionlint::cli

#endif
