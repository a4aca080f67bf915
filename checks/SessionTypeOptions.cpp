#include "SessionTypeOptions.h"

namespace sessionlint {

SessionTypeOptions::SessionTypeOptions(
    const clang::tidy::ClangTidyCheck::OptionsView &Options,
    llvm::function_ref<void(llvm::StringRef, llvm::StringRef)> ReportError,
    bool WithTasks)
    : SessionTypes(Options.get("SessionTypes", "")),
      SafeTypes(Options.get("SafeTypes", "")),
      ThreadAffineTypes(Options.get("ThreadAffineTypes", "")),
      SpawnFunctions(Options.get("SpawnFunctions", "")),
      JoinFunctions(Options.get("JoinFunctions", "")), WithTasks(WithTasks) {
  auto Parse = [&](llvm::StringRef Option, llvm::StringRef Value) {
    llvm::Expected<NameList> List = NameList::parse(Value);
    if (List)
      return std::move(*List);
    Valid = false;
    ReportError(Option, llvm::toString(List.takeError()));
    return NameList();
  };
  NameList Sessions = Parse("SessionTypes", SessionTypes);
  NameList Safe = Parse("SafeTypes", SafeTypes);
  NameList Affine = Parse("ThreadAffineTypes", ThreadAffineTypes);
  Spawns = Parse("SpawnFunctions", SpawnFunctions);
  Joins = Parse("JoinFunctions", JoinFunctions);
  Types = std::make_unique<SessionTypeClassifier>(
      std::move(Sessions), std::move(Safe), std::move(Affine));
}

void SessionTypeOptions::store(
    const clang::tidy::ClangTidyCheck::OptionsView &Options,
    clang::tidy::ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, "SessionTypes", SessionTypes);
  Options.store(Opts, "SafeTypes", SafeTypes);
  if (!WithTasks)
    return;
  Options.store(Opts, "ThreadAffineTypes", ThreadAffineTypes);
  Options.store(Opts, "SpawnFunctions", SpawnFunctions);
  Options.store(Opts, "JoinFunctions", JoinFunctions);
}

} // namespace sessionlint
