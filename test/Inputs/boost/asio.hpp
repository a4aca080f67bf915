#pragma once
// Mock of Boost.Asio's coroutine API: awaitable, co_spawn, completion tokens.
#include <coroutine>
#include <future>
#include <utility>
namespace boost::asio {
class io_context {
public:
  class executor_type {};
  executor_type get_executor() { return {}; }
  void run() {}
};
class thread_pool {
public:
  class executor_type {};
  explicit thread_pool(int threads = 2) {}
  ~thread_pool() {}
  executor_type get_executor() { return {}; }
  void join() {}
  void wait() {}
  void stop() {}
};
class any_io_executor {
public:
  any_io_executor() = default;
  any_io_executor(io_context::executor_type) {}
  any_io_executor(thread_pool::executor_type) {}
};
template <class T = void, class Executor = any_io_executor> class awaitable {
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
struct use_future_t {};
inline constexpr use_future_t use_future;
struct deferred_t {};
inline constexpr deferred_t deferred;

// Like the real initiating functions, these end in a defaulted SFINAE
// parameter (`typename enable_if<...>::type* = 0` in Boost 1.74): the
// completion token is the last argument the caller wrote, not the last one.
template <class Executor, class T, class Token>
void co_spawn(Executor &&ex, awaitable<T> a, Token &&token, int * = nullptr) {}
template <class Executor, class T>
std::future<void> co_spawn(Executor &&ex, awaitable<T> a, use_future_t, int * = nullptr) { return {}; }
template <class Executor, class T>
awaitable<void> co_spawn(Executor &&ex, awaitable<T> a, use_awaitable_t, int * = nullptr) { return {}; }
template <class Executor, class F, class Token>
auto co_spawn(Executor &&ex, F &&f, Token &&token) -> decltype(f(), void()) {}

namespace this_coro {
struct executor_t {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  any_io_executor await_resume() const noexcept { return {}; }
};
inline constexpr executor_t executor;
} // namespace this_coro

// Fire-and-forget submission: the handler runs later on the executor.
template <class Executor, class Handler> void post(Executor &&ex, Handler &&h, int * = nullptr) {}
template <class Handler> void post(Handler &&h) {}
template <class Executor, class Handler> void dispatch(Executor &&ex, Handler &&h, int * = nullptr) {}
template <class Executor, class Handler> void defer(Executor &&ex, Handler &&h, int * = nullptr) {}
template <class Executor> awaitable<void> post(Executor &&ex, use_awaitable_t) { return {}; }
class strand {
public:
  explicit strand(any_io_executor) {}
};
template <class Executor> strand make_strand(Executor &&) { return strand(any_io_executor()); }
template <class Handler> struct executor_binder {
  Handler h;
  void operator()() { h(); }
};
template <class Executor, class Handler>
executor_binder<Handler> bind_executor(Executor &&, Handler h) { return {h}; }
class yield_context {};
template <class Context, class Function> void spawn(Context &&ctx, Function &&f) {}
template <class Context, class Function, class Token>
void spawn(Context &&ctx, Function &&f, Token &&token) {}

// Asynchronous operations: the completion token decides what the initiating
// function returns (async_result in the real library).
template <class T> struct remove_cvref { using type = T; };
template <class T> struct remove_cvref<T &> { using type = T; };
template <class T> struct remove_cvref<const T &> { using type = T; };
template <class T> struct remove_cvref<T &&> { using type = T; };
template <class T> struct remove_cvref<const T> { using type = T; };
struct deferred_operation {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
template <class Token> struct async_result { using type = void; };
template <> struct async_result<use_awaitable_t> { using type = awaitable<unsigned long>; };
template <> struct async_result<use_future_t> { using type = std::future<unsigned long>; };
template <> struct async_result<deferred_t> { using type = deferred_operation; };
template <class Token> using result_t = typename async_result<typename remove_cvref<Token>::type>::type;

class steady_timer {
public:
  explicit steady_timer(any_io_executor) {}
  awaitable<void> async_wait(use_awaitable_t) { return {}; }
  template <class Token> result_t<Token> async_wait(Token &&t) { return result_t<Token>(); }
  template <class Duration> void expires_after(Duration) {}
  void cancel() {}
};

struct mutable_buffer {};
struct const_buffer {};
inline mutable_buffer buffer(char *, unsigned long) { return {}; }
inline const_buffer buffer(const char *, unsigned long) { return {}; }

namespace ip {
class tcp {};
} // namespace ip
template <class Protocol, class Executor = any_io_executor> class basic_stream_socket {
public:
  explicit basic_stream_socket(any_io_executor) {}
  template <class Token> result_t<Token> async_read_some(mutable_buffer, Token &&t) { return result_t<Token>(); }
  template <class Token> result_t<Token> async_write_some(const_buffer, Token &&t) { return result_t<Token>(); }
  template <class Token> result_t<Token> async_receive(mutable_buffer, Token &&t) { return result_t<Token>(); }
  template <class Token> result_t<Token> async_send(const_buffer, Token &&t) { return result_t<Token>(); }
  template <class Token> result_t<Token> async_connect(int endpoint, Token &&t) { return result_t<Token>(); }
  void close() {}
  bool is_open() const { return true; }
};
namespace ip {
using tcp_socket = basic_stream_socket<tcp>;
} // namespace ip
template <class Stream, class Token> result_t<Token> async_read(Stream &s, mutable_buffer, Token &&t) { return result_t<Token>(); }
template <class Stream, class Token> result_t<Token> async_write(Stream &s, const_buffer, Token &&t) { return result_t<Token>(); }

namespace experimental {
namespace awaitable_operators {
template <class A, class B> awaitable<void> operator&&(awaitable<A> a, awaitable<B> b) { return {}; }
template <class A, class B> awaitable<void> operator||(awaitable<A> a, awaitable<B> b) { return {}; }
} // namespace awaitable_operators
struct wait_for_all {};
inline constexpr wait_for_all wait_for_all_v{};
template <class... Ops> struct parallel_group {
  template <class Condition, class Token> result_t<Token> async_wait(Condition, Token &&t) { return result_t<Token>(); }
};
template <class... Ops> parallel_group<Ops...> make_parallel_group(Ops... ops) { return {}; }
} // namespace experimental
} // namespace boost::asio
