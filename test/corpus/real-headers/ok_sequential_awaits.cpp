#include <boost/asio.hpp>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> send_both(tcp::socket &s, std::string header, std::string body) {
  co_await asio::async_write(s, asio::buffer(header), asio::use_awaitable);
  co_await asio::async_write(s, asio::buffer(body), asio::use_awaitable);
}
