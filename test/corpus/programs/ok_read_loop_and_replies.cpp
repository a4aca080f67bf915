// Echo service in callback style: one read chain, and a reply written
// from each read's handler before the next read starts.
#include <boost/asio.hpp>
#include <boost/beast.hpp>

namespace asio = boost::asio;
namespace beast = boost::beast;

class EchoSession {
public:
  explicit EchoSession(asio::any_io_executor ex) : ws_(ex) {}
  void start() { do_read(); }

private:
  void do_read() {
    ws_.async_read(buffer_, [this](int, unsigned long) { do_write(); });
  }
  void do_write() {
    ws_.async_write(asio::buffer("ok", 2), [this](int, unsigned long) { do_read(); });
  }
  beast::websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
};
