#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <chrono>


using namespace asio::experimental::awaitable_operators;
using asio::ip::tcp;

asio::awaitable<void> read_with_timeout(tcp::socket &s) {
  char buf[512];
  asio::steady_timer t(co_await asio::this_coro::executor, std::chrono::seconds(5));
  auto r = co_await (s.async_read_some(asio::buffer(buf), asio::use_awaitable) ||
                     t.async_wait(asio::use_awaitable));
  (void)r;
}
