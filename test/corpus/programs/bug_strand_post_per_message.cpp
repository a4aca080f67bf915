// Market-data fan-out: each tick is posted to the session's strand, which
// orders the starts but does not wait for the writes to finish.
#include <boost/asio.hpp>
#include <string>

namespace asio = boost::asio;

class FeedSession {
public:
  explicit FeedSession(asio::any_io_executor ex) : socket_(ex), strand_(ex) {}
  void publish(std::string tick) {
    asio::post(strand_, [this, tick] {
      asio::async_write(socket_, asio::buffer(tick.c_str(), tick.size()), // BUG
                        [](int, unsigned long) {});
    });
  }

private:
  asio::ip::tcp_socket socket_;
  asio::strand strand_;
};
