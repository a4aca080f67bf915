#pragma once
// Mock of cppcoro: a lazy task, when_all and sync_wait.
#include <coroutine>
namespace cppcoro {
template <class T = void> class task {
public:
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
template <class... T> task<void> when_all(T &&...tasks) { return {}; }
template <class T> void sync_wait(T &&) {}
} // namespace cppcoro
