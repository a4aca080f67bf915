#include <boost/asio.hpp>
#include <memory>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(tcp::socket s) : socket_(std::move(s)) {}
  void greet() {
    auto self = shared_from_this();
    asio::async_write(socket_, asio::buffer(banner_), [this, self](boost::system::error_code ec, std::size_t) {
      if (!ec)
        asio::async_write(socket_, asio::buffer(motd_), [self](boost::system::error_code, std::size_t) {});
    });
  }
private:
  tcp::socket socket_;
  std::string banner_ = "hello\n", motd_ = "welcome\n";
};
