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
      JoinFunctions(Options.get("JoinFunctions", "")),
      ThreadClasses(Options.get("ThreadClasses", "")), WithTasks(WithTasks) {
  auto Parse = [&](llvm::StringRef Option, llvm::StringRef Value) {
    llvm::Expected<NameList> List = NameList::parse(Value);
    if (List)
      return std::move(*List);
    Valid = false;
    ReportError(Option, llvm::toString(List.takeError()));
    return NameList();
  };
  // A plain Asio socket is a session between tasks (two coroutines or
  // threads writing one socket interleave their bytes); within one task
  // sessionlint-concurrent-operations has its own stream rules for it.
  NameList Sessions = Parse(
      "SessionTypes",
      WithTasks ? (SessionTypes + ";boost::asio::basic_stream_socket;asio::basic_stream_socket")
                : SessionTypes);
  NameList Safe = Parse("SafeTypes", SafeTypes);
  NameList Affine = Parse("ThreadAffineTypes", ThreadAffineTypes);
  User.SpawnFunctions = Parse("SpawnFunctions", SpawnFunctions);
  if (llvm::Error E = parseThreadClasses(ThreadClasses, User.ThreadStarts)) {
    Valid = false;
    ReportError("ThreadClasses", llvm::toString(std::move(E)));
  }
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
  Options.store(Opts, "ThreadClasses", ThreadClasses);
}

llvm::Error parseThreadClasses(
    llvm::StringRef Value,
    llvm::SmallVectorImpl<std::pair<std::string, std::string>> &Out) {
  llvm::SmallVector<llvm::StringRef, 4> Entries;
  Value.split(Entries, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    auto [Start, Run] = Entry.split('=');
    Start = Start.trim();
    Run = Run.trim();
    auto IsIdentifier = [](llvm::StringRef S) {
      return !S.empty() && !llvm::isDigit(S.front()) &&
             llvm::all_of(S, [](char C) { return llvm::isAlnum(C) || C == '_'; });
    };
    llvm::StringRef Method = Start.rsplit("::").second;
    if (!Start.contains("::") || Start.ends_with("::") || !IsIdentifier(Method) ||
        !IsIdentifier(Run))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "'%s' is not 'Class::start=entry' (the member function that starts "
          "the thread, and the virtual member function the thread runs)",
          Entry.str().c_str());
    Out.push_back({Start.str(), Run.str()});
  }
  return llvm::Error::success();
}

} // namespace sessionlint
