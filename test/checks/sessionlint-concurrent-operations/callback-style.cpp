// RUN: %check_sessionlint %s -- %mock_flags
// Callback style (rule 4 without coroutines): an operation is in flight
// from the call that starts it until its completion handler runs. An
// entry point called once per message that starts a write on a member
// stream with nothing to stop a second call starts two writes at once; the
// write-queue idiom (start only when none is in flight, the handler starts
// the next) is silent, whatever its state is called
// (docs/design/concurrency-model.md, "Callback-style operations").
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using Socket = websocket::stream<beast::tcp_stream>;

// --- no guard ---------------------------------------------------------------

class Broadcaster {
public:
  explicit Broadcaster(asio::any_io_executor ex) : ws_(ex) {}
  void send(const std::string &message) {
    ws_.async_write(asio::buffer(message.c_str(), 0), [](int, unsigned long) {});
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: operation 'async_write' on session 'ws_' of type 'Socket' can start again while the previous one is still in flight: 'send' starts it on every call [sessionlint-concurrent-operations]
    // CHECK-NOTES: :[[@LINE-3]]:8: note: 'send' is called for each message; nothing stops a second call before the completion handler has run
    // CHECK-NOTES: :[[@LINE-3]]:9: note: queue the messages and start an operation only when none is in flight; start the next one from the completion handler
  }

private:
  Socket ws_;
};

// Through a private helper, and a test of state the handler never touches.
class Notifier {
public:
  explicit Notifier(asio::any_io_executor ex) : ws_(ex) {}
  void notify(const std::string &message) {
    if (connected_)
      write(message);
  }

private:
  void write(const std::string &message) {
    ws_.async_write(asio::buffer(message.c_str(), 0), [this](int, unsigned long) { ++sent_; });
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: operation 'async_write' on session 'ws_' of type 'Socket' can start again while the previous one is still in flight: 'notify' starts it on every call
  }
  Socket ws_;
  bool connected_ = true;
  int sent_ = 0;
};

// Posted to the strand per call: the strand orders the starts, it does not
// wait for the writes.
class StrandWriter : public std::enable_shared_from_this<StrandWriter> {
public:
  StrandWriter(asio::any_io_executor ex) : ws_(ex), strand_(ex) {}
  void deliver(std::string message) {
    asio::post(strand_, [this, message] {
      asio::async_write(stream_, asio::buffer(message.c_str(), 0), [](int, unsigned long) {});
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: operation 'async_write' on session 'stream_' of type 'boost::asio::ip::tcp_socket' can start again while the previous one is still in flight: 'deliver' starts it on every call
    });
  }

private:
  Socket ws_;
  asio::ip::tcp_socket stream_{asio::any_io_executor()};
  asio::strand strand_;
};

// --- the write-queue idiom, three spellings ----------------------------------

// A std::deque, checked for empty before the push.
class QueueEmpty {
public:
  explicit QueueEmpty(asio::any_io_executor ex) : ws_(ex) {}
  void send(std::string message) {
    bool idle = queue_.empty();
    queue_.push_back(std::move(message));
    if (idle)
      do_write();
  }

private:
  void do_write() {
    ws_.async_write(asio::buffer(queue_.front().c_str(), 0), [this](int, unsigned long) {
      queue_.pop_front();
      if (!queue_.empty())
        do_write();
    });
  }
  Socket ws_;
  std::deque<std::string> queue_;
};

// The queue's size after the push, with an early return (Beast's
// websocket-chat example).
class QueueSize {
public:
  explicit QueueSize(asio::any_io_executor ex) : ws_(ex) {}
  void send(std::string message) {
    queue_.push_back(std::move(message));
    if (queue_.size() > 1)
      return;
    ws_.async_write(asio::buffer(queue_.front().c_str(), 0),
                    [this](int, unsigned long) { on_write(); });
  }

private:
  void on_write() {
    queue_.pop_front();
    if (!queue_.empty())
      ws_.async_write(asio::buffer(queue_.front().c_str(), 0),
                      [this](int, unsigned long) { on_write(); });
  }
  Socket ws_;
  std::deque<std::string> queue_;
};

// An in-flight flag the handler clears.
class Flag {
public:
  explicit Flag(asio::any_io_executor ex) : ws_(ex) {}
  void send(const std::string &message) {
    pending_.push_back(message);
    if (writing_)
      return;
    writing_ = true;
    ws_.async_write(asio::buffer(message.c_str(), 0), [this](int, unsigned long) {
      writing_ = false;
    });
  }

private:
  Socket ws_;
  std::vector<std::string> pending_;
  bool writing_ = false;
};

// --- what is not a repeated start ---------------------------------------------

// A read and a write: a full-duplex stream allows one of each.
class Echo {
public:
  explicit Echo(asio::any_io_executor ex) : ws_(ex) {}
  void start() { do_read(); }
  void do_read() {
    ws_.async_read(buffer_, [this](int, unsigned long) { do_read(); });
  }

private:
  Socket ws_;
  beast::flat_buffer buffer_;
};

// Started once, the chain runs in the handlers: no entry point per message.
class Greeter {
public:
  explicit Greeter(asio::any_io_executor ex) : ws_(ex) {}
  void start() {
    ws_.async_write(asio::buffer("hello", 5), [this](int, unsigned long) { again(); });
  }

private:
  void again() {
    ws_.async_write(asio::buffer("again", 5), [this](int, unsigned long) { again(); });
  }
  Socket ws_;
};

// A session of the caller's, not a member: each call's own.
class Sender {
public:
  void send(Socket &ws, const std::string &message) {
    ws.async_write(asio::buffer(message.c_str(), 0), [](int, unsigned long) {});
  }
};
