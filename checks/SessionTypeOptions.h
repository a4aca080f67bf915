//===--- SessionTypeOptions.h - options every sessionlint check reads -*- C++ -*-===//
//
// `SessionTypes`, `SafeTypes`, `ThreadAffineTypes`, `SpawnFunctions`,
// `JoinFunctions` and `ThreadClasses` (docs/checks/*.md, "Options"): read once in a check's
// constructor, echoed by storeOptions, and turned into the type classifier
// and the lists of the user's own spawn and join functions. A malformed value is a configuration error naming the option;
// the check then registers no matcher rather than guess.
//
//===----------------------------------------------------------------------===//
#ifndef SESSIONLINT_SESSIONTYPEOPTIONS_H
#define SESSIONLINT_SESSIONTYPEOPTIONS_H

#include "analysis/SessionTypes.h"
#include "analysis/SpawnSites.h"

#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <string>

namespace sessionlint {

/// `ofThread::startThread=threadedFunction; juce::Thread::startThread=run`:
/// the ThreadClasses option, one entry per start function.
llvm::Error parseThreadClasses(
    llvm::StringRef Value,
    llvm::SmallVectorImpl<std::pair<std::string, std::string>> &Out);

class SessionTypeOptions {
public:
  /// Reads and parses the options; ReportError gets the option's name and
  /// what is wrong with it.
  /// WithTasks: the check also uses ThreadAffineTypes, SpawnFunctions and
  /// JoinFunctions (and shows them in --dump-config).
  SessionTypeOptions(
      const clang::tidy::ClangTidyCheck::OptionsView &Options,
      llvm::function_ref<void(llvm::StringRef, llvm::StringRef)> ReportError,
      bool WithTasks = true);

  void store(const clang::tidy::ClangTidyCheck::OptionsView &Options,
             clang::tidy::ClangTidyOptions::OptionMap &Opts) const;

  bool valid() const { return Valid; }

  /// The classifier built from the options and the catalog.
  SessionTypeClassifier &classifier() { return *Types; }
  const NameList &spawnFunctions() const { return User.SpawnFunctions; }
  /// The spawn functions and thread classes the user declared.
  const UserApis &userApis() const { return User; }
  const NameList &joinFunctions() const { return Joins; }
  /// Whether the user named thread-affine types of their own.
  bool hasThreadAffineTypes() const { return !ThreadAffineTypes.empty(); }

private:
  const std::string SessionTypes;
  const std::string SafeTypes;
  const std::string ThreadAffineTypes;
  const std::string SpawnFunctions;
  const std::string JoinFunctions;
  const std::string ThreadClasses;
  UserApis User;
  NameList Joins;
  bool Valid = true;
  bool WithTasks;
  std::unique_ptr<SessionTypeClassifier> Types;
};

} // namespace sessionlint

#endif
