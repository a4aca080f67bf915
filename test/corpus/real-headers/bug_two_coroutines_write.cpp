#include <boost/asio.hpp>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> send_lines(tcp::socket &sock, std::string prefix) {
  for (int i = 0; i < 10; ++i) {
    std::string line = prefix + std::to_string(i) + "\n";
    co_await asio::async_write(sock, asio::buffer(line), asio::use_awaitable);
  }
}

int main() {
  asio::io_context ioc;
  tcp::socket sock(ioc);
  sock.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), 9000));
  asio::co_spawn(ioc, send_lines(sock, "a"), asio::detached); // BUG
  asio::co_spawn(ioc, send_lines(sock, "b"), asio::detached);
  ioc.run();
}
