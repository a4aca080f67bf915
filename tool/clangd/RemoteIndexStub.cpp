// clangdMain asks for a remote index client only when the user passes
// --remote-index-address; Debian's remote index needs gRPC libraries without
// link names, so this bundle has no remote index and says so by returning null.
//
// clangd's headers are not packaged, so SymbolIndex stays incomplete here.
// The deleter specialisation lets this file name unique_ptr<SymbolIndex>
// without its definition; it never runs, since the pointer is always null.
#include "llvm/ADT/StringRef.h"
#include <memory>

namespace clang::clangd {
class SymbolIndex;
} // namespace clang::clangd

template <> struct std::default_delete<clang::clangd::SymbolIndex> {
  void operator()(clang::clangd::SymbolIndex *) const {}
};

namespace clang::clangd::remote {
std::unique_ptr<SymbolIndex> getClient(llvm::StringRef, llvm::StringRef) {
  return nullptr;
}
} // namespace clang::clangd::remote
