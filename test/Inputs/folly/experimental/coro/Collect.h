#pragma once
// Mock of folly::coro: Task, collectAll and blockingWait.
#include <coroutine>
namespace folly::coro {
template <class T = void> class Task {
public:
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
template <class... T> Task<void> collectAll(T &&...tasks) { return {}; }
template <class T> void blockingWait(T &&) {}
} // namespace folly::coro
