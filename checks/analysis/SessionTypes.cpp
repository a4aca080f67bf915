#include "SessionTypes.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace sessionlint {
namespace {

enum class Wrapper { None, SharedOwner, UniqueOwner, Reference };

/// Standard and Boost wrappers whose first template argument is the object
/// they point to.
Wrapper wrapperKind(llvm::StringRef Name) {
  return llvm::StringSwitch<Wrapper>(Name)
      .Case("std::shared_ptr", Wrapper::SharedOwner)
      .Case("boost::shared_ptr", Wrapper::SharedOwner)
      .Case("std::weak_ptr", Wrapper::SharedOwner)
      .Case("std::unique_ptr", Wrapper::UniqueOwner)
      .Case("std::optional", Wrapper::UniqueOwner)
      .Case("boost::optional", Wrapper::UniqueOwner)
      .Case("std::reference_wrapper", Wrapper::Reference)
      .Case("boost::reference_wrapper", Wrapper::Reference)
      .Default(Wrapper::None);
}

const NamedDecl *sugarDecl(const Type *Ty) {
  if (const auto *TT = dyn_cast<TypedefType>(Ty))
    return TT->getDecl();
  if (const auto *TST = dyn_cast<TemplateSpecializationType>(Ty))
    if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
      return TD;
  return nullptr;
}

Verdict annotationVerdict(const Decl *D) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    if (A->getAnnotation() == SessionAnnotation)
      return Verdict::Unsafe;
    if (A->getAnnotation() == ThreadSafeAnnotation)
      return Verdict::ThreadSafe;
    if (A->getAnnotation() == ThreadAffineAnnotation)
      return Verdict::ThreadAffine;
  }
  return Verdict::NotSession;
}

} // namespace

Verdict SessionTypeClassifier::verdictForName(const NamedDecl *D,
                                              EntryKind Kind) const {
  if (Verdict V = annotationVerdict(D); V != Verdict::NotSession)
    return V;
  std::string Name = qualifiedName(D);
  // The user's word beats the catalog: a SafeTypes entry silences a type
  // the catalog calls unsafe, and SessionTypes adds new ones.
  if (Kind != EntryKind::PointeeOfHandle) {
    if (UserSafeTypes.matches(Name))
      return Verdict::ThreadSafe;
    if (UserThreadAffineTypes.matches(Name))
      return Verdict::ThreadAffine;
    if (UserSessionTypes.matches(Name))
      return Verdict::Unsafe;
  }
  if (const CatalogEntry *E = findCatalogEntry(Name, Kind))
    return E->Result;
  return Verdict::NotSession;
}

Verdict SessionTypeClassifier::verdictFromSugar(QualType T,
                                                EntryKind Kind) const {
  const Type *Ty = T.getTypePtrOrNull();
  while (Ty) {
    if (const NamedDecl *D = sugarDecl(Ty))
      if (Verdict V = verdictForName(D, Kind); V != Verdict::NotSession)
        return V;
    // An alias template that stands for one of its arguments (`template
    // <class T> using Id = T;`): the argument as written keeps its sugar,
    // which the substituted type does not.
    if (const auto *TST = dyn_cast<TemplateSpecializationType>(Ty);
        TST && TST->isTypeAlias())
      if (const auto *Subst =
              TST->getAliasedType()->getAs<SubstTemplateTypeParmType>()) {
        unsigned Index = Subst->getIndex();
        llvm::ArrayRef<TemplateArgument> Args = TST->template_arguments();
        if (Index < Args.size() && Args[Index].getKind() == TemplateArgument::Type)
          if (Verdict V = verdictFromSugar(Args[Index].getAsType(), Kind);
              V != Verdict::NotSession)
            return V;
      }
    if (const auto *Tag = dyn_cast<TagType>(Ty))
      return verdictForName(Tag->getDecl(), Kind);
    QualType Next = Ty->getLocallyUnqualifiedSingleStepDesugaredType();
    if (Next.getTypePtr() == Ty)
      break;
    Ty = Next.getTypePtr();
  }
  return Verdict::NotSession;
}

SessionType SessionTypeClassifier::classify(QualType T) {
  if (T.isNull())
    return {};
  T = T.getNonReferenceType();
  if (T->isDependentType() || T->containsErrors())
    return {};
  auto [It, Inserted] = TypeCache.try_emplace(T.getTypePtr());
  if (!Inserted)
    return It->second;

  SessionType Result;
  if (Verdict V = verdictFromSugar(T, EntryKind::HandleTypedef);
      V != Verdict::NotSession) {
    Result = {V, /*CopyShares=*/T->isPointerType()};
  } else if (Verdict V = verdictFromSugar(T, EntryKind::Class);
             V != Verdict::NotSession && !T->isPointerType()) {
    // A user alias or a catalog alias such as pqxx::work.
    Result = {V, false};
  } else if (const auto *Ptr = T->getAs<PointerType>()) {
    Result = classifyPointee(Ptr->getPointeeType());
  } else if (const CXXRecordDecl *Record = T->getAsCXXRecordDecl()) {
    Result = classifyRecord(Record);
  }
  TypeCache[T.getTypePtr()] = Result;
  return Result;
}

SessionType SessionTypeClassifier::classifyPointee(QualType Pointee) {
  if (Verdict V = verdictFromSugar(Pointee, EntryKind::PointeeOfHandle);
      V != Verdict::NotSession)
    return {V, true};
  SessionType Target = classify(Pointee);
  if (Target.Result == Verdict::NotSession)
    return {};
  return {Target.Result, true, Target.Holder};
}

SessionType SessionTypeClassifier::classifyRecord(const CXXRecordDecl *Record) {
  if (!Record || Record->isInvalidDecl())
    return {};
  auto [It, Inserted] = RecordCache.try_emplace(Record);
  if (!Inserted)
    return It->second; // Also breaks cycles: in-progress reads NotSession.

  SessionType Result;
  if (Verdict V = verdictForName(Record, EntryKind::Class);
      V != Verdict::NotSession) {
    Result = {V, false};
  } else if (isTaskHandleName(qualifiedName(Record))) {
    // A Poco::Activity points to its owner, whose session it runs on: the
    // task, not a second name for the session. (A class derived from a
    // thread class is classified by its own members.)
  } else if (Wrapper W = wrapperKind(qualifiedName(Record));
             W != Wrapper::None) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
    if (Spec && Spec->getTemplateArgs().size() > 0 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
      SessionType Inner = classify(Spec->getTemplateArgs()[0].getAsType());
      if (Inner.Result != Verdict::NotSession)
        Result = {Inner.Result, W != Wrapper::UniqueOwner || Inner.CopyShares,
                  Inner.Holder};
    }
  } else if (Record->hasDefinition()) {
    const CXXRecordDecl *Def = Record->getDefinition();
    for (const CXXBaseSpecifier &Base : Def->bases()) {
      SessionType B = classify(Base.getType());
      if (B.Result != Verdict::NotSession) {
        Result = B;
        break;
      }
    }
    // SPEC 2.3: a class holding a session by value is a session. An unsafe
    // member wins over a thread-safe one.
    if (Result.Result == Verdict::NotSession) {
      for (const FieldDecl *Field : Def->fields()) {
        if (Field->getType()->isReferenceType())
          continue;
        SessionType F = classify(Field->getType());
        if (F.Result == Verdict::Unsafe || F.Result == Verdict::ThreadAffine) {
          Result = {F.Result, false, /*Holder=*/true};
          if (F.Result == Verdict::Unsafe)
            break;
        }
      }
    }
  }
  RecordCache[Record] = Result;
  return Result;
}

} // namespace sessionlint
