#pragma once
// Mock of standalone Asio: the same API in namespace asio.
#include <coroutine>
#include <future>
#include <utility>
namespace asio {
class io_context {
public:
  class executor_type {};
  executor_type get_executor() { return {}; }
  void run() {}
};
template <class T = void> class awaitable {
public:
  struct promise_type {
    awaitable get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept {}
};
struct detached_t {};
inline constexpr detached_t detached;
struct use_awaitable_t {};
inline constexpr use_awaitable_t use_awaitable;
template <class Executor, class T, class Token>
void co_spawn(Executor &&ex, awaitable<T> a, Token &&token) {}
template <class Executor, class T>
awaitable<void> co_spawn(Executor &&ex, awaitable<T> a, use_awaitable_t) { return {}; }
} // namespace asio
