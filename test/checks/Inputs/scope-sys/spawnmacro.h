#pragma once
#include <thread>

// A system header's macro, namespace and templates, used by user code in
// user-code-scope.cpp.
#define SYS_START(body) std::thread([&] body)

namespace sys {
template <typename T> struct traits;

template <typename F> void run_twice(F f) {
  std::thread t(f);
  f();
  t.join();
}
} // namespace sys
