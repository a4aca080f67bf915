#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <string>


using namespace asio::experimental::awaitable_operators;
using asio::ip::tcp;

asio::awaitable<void> send_both(tcp::socket &s, std::string header, std::string body) {
  co_await (asio::async_write(s, asio::buffer(header), asio::use_awaitable) &&
            asio::async_write(s, asio::buffer(body), asio::use_awaitable)); // BUG
}
