#include "LargeStack.h"

#include "llvm/Support/thread.h"
#include <optional>

namespace sessionlint {

void runWithLargeStack(llvm::function_ref<void()> Work) {
  constexpr unsigned StackSize = 1024u << 20;
  llvm::thread Worker(std::optional<unsigned>(StackSize), [&] { Work(); });
  Worker.join();
}

} // namespace sessionlint
