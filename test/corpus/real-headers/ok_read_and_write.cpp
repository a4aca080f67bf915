#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <string>


using namespace asio::experimental::awaitable_operators;
using asio::ip::tcp;

asio::awaitable<void> duplex(tcp::socket &s, std::string out) {
  char buf[512];
  co_await (s.async_read_some(asio::buffer(buf), asio::use_awaitable) &&
            asio::async_write(s, asio::buffer(out), asio::use_awaitable));
}
