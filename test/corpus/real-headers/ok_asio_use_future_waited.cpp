#include <boost/asio.hpp>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;

void send_all(tcp::socket &s, const std::string &a, const std::string &b) {
  auto f1 = asio::async_write(s, asio::buffer(a), asio::use_future);
  f1.get();
  auto f2 = asio::async_write(s, asio::buffer(b), asio::use_future);
  f2.get();
}
