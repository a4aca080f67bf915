// A websocket client that sends queued commands and reads the server's
// events. After each command is written it "makes sure the read loop is
// running" by starting a read, while the read loop already keeps one in
// flight: two reads on one websocket (Beast asserts).
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <deque>
#include <string>

namespace asio = boost::asio;
namespace beast = boost::beast;

class EventClient {
public:
  explicit EventClient(asio::any_io_executor ex) : ws_(ex) {}

  void open() { read_events(); }

  void command(const std::string &text) {
    outbox_.push_back(text);
    if (outbox_.size() == 1)
      write_next();
  }

private:
  void read_events() {
    ws_.async_read(inbox_, [this](int ec, unsigned long) { // BUG
      if (ec)
        return;
      ++events_;
      read_events();
    });
  }

  void write_next() {
    ws_.async_write(asio::buffer(outbox_.front().c_str(), outbox_.front().size()),
                    [this](int ec, unsigned long) { on_written(ec); });
  }

  void on_written(int ec) {
    outbox_.pop_front();
    if (ec)
      return;
    read_events();
    if (!outbox_.empty())
      write_next();
  }

  beast::websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer inbox_;
  std::deque<std::string> outbox_;
  int events_ = 0;
};
