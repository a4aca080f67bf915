#include "Names.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/AST/Type.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace sessionlint {

std::string qualifiedName(const clang::NamedDecl *D) {
  using namespace clang;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D))
    D = Spec->getSpecializedTemplate();
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Parts.push_back(D->getName());
  for (const DeclContext *Ctx = D->getDeclContext(); Ctx;
       Ctx = Ctx->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(Ctx)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *Record = dyn_cast<RecordDecl>(Ctx)) {
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
        Parts.push_back(Spec->getSpecializedTemplate()->getName());
      else
        Parts.push_back(Record->getName());
    } else if (isa<FunctionDecl>(Ctx)) {
      break; // Local classes are named by their own name only.
    }
  }
  std::string Result;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Result.empty())
      Result += "::";
    Result += *It;
  }
  return Result;
}

llvm::Expected<NameList> NameList::parse(llvm::StringRef Value) {
  NameList List;
  llvm::SmallVector<llvm::StringRef, 8> Entries;
  Value.split(Entries, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    if (Entry.find_first_of("^$*+?()[]{}|\\") == llvm::StringRef::npos) {
      Entry.consume_front("::");
      List.Exact.insert(Entry);
      continue;
    }
    auto Re = std::make_shared<llvm::Regex>(("^(" + Entry + ")$").str());
    std::string Problem;
    if (!Re->isValid(Problem))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "invalid regular expression '%s': %s", Entry.str().c_str(),
          Problem.c_str());
    List.Patterns.push_back(std::move(Re));
  }
  return List;
}

bool NameList::matches(llvm::StringRef QualifiedName) const {
  QualifiedName.consume_front("::");
  if (Exact.contains(QualifiedName))
    return true;
  for (const auto &Re : Patterns)
    if (Re->match(QualifiedName))
      return true;
  return false;
}

bool isPostName(llvm::StringRef Name) {
  return Name == "post" || Name == "dispatch" || Name == "defer";
}

bool isConditionVariableName(llvm::StringRef QualifiedName) {
  if (!QualifiedName.consume_front("std::"))
    QualifiedName.consume_front("boost::");
  return QualifiedName == "condition_variable" || QualifiedName == "condition_variable_any";
}

} // namespace sessionlint

namespace sessionlint {

static std::string spelledType(clang::QualType T,
                               const clang::PrintingPolicy &Policy) {
  using namespace clang;
#if CLANG_VERSION_MAJOR < 22
  // Clang 22 folded the written qualifier into the type node itself.
  if (const auto *Elaborated = dyn_cast<ElaboratedType>(T.getTypePtr()))
    T = Elaborated->getNamedType();
#endif
  if (const auto *Typedef = dyn_cast<TypedefType>(T.getTypePtr()))
    return qualifiedName(Typedef->getDecl());
  if (const auto *Pointer = dyn_cast<PointerType>(T.getTypePtr()))
    return spelledType(Pointer->getPointeeType(), Policy) + " *";
  return T.getCanonicalType().getUnqualifiedType().getAsString(Policy);
}

std::string spelledTypeOf(const clang::ValueDecl *D, clang::ASTContext &Ctx) {
  clang::QualType T = D->getType().getNonReferenceType();
  if (const auto *Auto = T->getContainedAutoType(); Auto && Auto->isDeduced())
    T = Auto->getDeducedType();
  clang::PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressTagKeyword = true;
  Policy.SuppressUnwrittenScope = true;
  return spelledType(T, Policy);
}

bool isTaskHandleName(llvm::StringRef QualifiedName) {
  static constexpr llvm::StringLiteral Handles[] = {
      "std::thread",      "std::jthread",       "boost::thread",
      "boost::thread_group", "std::future",     "std::shared_future",
      "boost::unique_future", "boost::shared_future", "QThread",
      "QFuture",          "QThreadPool",        "Poco::Thread",
      "Poco::ThreadPool", "Poco::Activity",     "tbb::task_group"};
  return llvm::is_contained(Handles, QualifiedName) || isExecutionContextName(QualifiedName);
}

bool isExecutionContextName(llvm::StringRef QualifiedName) {
  QualifiedName.consume_front("boost::");
  return QualifiedName == "asio::io_context" || QualifiedName == "asio::io_service" ||
         QualifiedName == "asio::thread_pool" || QualifiedName == "asio::static_thread_pool";
}

} // namespace sessionlint
