// A chat session: one read chain for incoming messages, one write chain
// fed by a queue for outgoing ones, and a ping every 20 seconds. A
// websocket allows one read, one write and one ping in flight together.
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <deque>
#include <memory>
#include <string>

namespace asio = boost::asio;
namespace beast = boost::beast;

class ChatSession : public std::enable_shared_from_this<ChatSession> {
public:
  ChatSession(asio::any_io_executor ex) : ws_(ex), ping_timer_(ex) {}

  void start() {
    read_next();
    schedule_ping();
  }

  void send(std::string text) {
    outbox_.push_back(std::move(text));
    if (outbox_.size() > 1)
      return;
    write_next();
  }

private:
  void read_next() {
    ws_.async_read(inbox_, [self = shared_from_this()](int ec, unsigned long) {
      if (ec)
        return;
      self->send("ack");
      self->read_next();
    });
  }

  void write_next() {
    ws_.async_write(asio::buffer(outbox_.front().c_str(), outbox_.front().size()),
                    [self = shared_from_this()](int ec, unsigned long) {
                      self->outbox_.pop_front();
                      if (!ec && !self->outbox_.empty())
                        self->write_next();
                    });
  }

  void schedule_ping() {
    ping_timer_.expires_after(20);
    ping_timer_.async_wait([self = shared_from_this()](int ec) {
      if (ec)
        return;
      self->ws_.async_ping("", [](int, unsigned long) {});
      self->schedule_ping();
    });
  }

  beast::websocket::stream<beast::tcp_stream> ws_;
  asio::steady_timer ping_timer_;
  beast::flat_buffer inbox_;
  std::deque<std::string> outbox_;
};
