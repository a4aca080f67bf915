// RUN: %check_sessionlint %s -- %mock_flags
// Chains of completion handlers (rule 4 without coroutines): a handler
// that starts the next operation keeps one in flight. Two chains that run
// independently (a timer's and a request chain) keep one each, so their
// operations on one session can be in flight together; a chain that starts
// an operation on every turn without waiting for it (each write completion
// starting another read while the read chain has one outstanding) piles
// them up (docs/design/concurrency-model.md, "Callback-style operations").
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/mysql.hpp>
#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace mysql = boost::mysql;
namespace websocket = beast::websocket;
using Socket = websocket::stream<beast::tcp_stream>;

// --- two chains -------------------------------------------------------------

// A keep-alive timer beside the request chain: the ping query can start
// while a request is in flight.
class KeepAlive {
public:
  explicit KeepAlive(asio::any_io_executor ex) : conn_(ex), timer_(ex) {}
  void start() {
    next_request();
    arm();
  }

private:
  void next_request() {
    conn_.async_execute("SELECT job FROM queue", rows_, [this](int, unsigned long) {
      next_request();
    });
  }
  void arm() {
    timer_.expires_after(30);
    timer_.async_wait([this](int) {
      conn_.async_execute("SELECT 1", ping_, [](int, unsigned long) {});
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: operation 'async_execute' on session 'conn_' of type 'boost::mysql::any_connection' can start while 'async_execute' is in flight on it: two chains of completion handlers start them independently [sessionlint-concurrent-operations]
      // CHECK-NOTES: :[[@LINE-3]]:12: note: one chain: the completion handler of 'async_wait' started here
      // CHECK-NOTES: :[[@LINE-10]]:11: note: the other chain starts 'async_execute' here
      // CHECK-NOTES: :[[@LINE-4]]:13: note: start both from one chain, or start one only when the other is not in flight (a flag or a queue their completion handlers clear)
      arm();
    });
  }
  mysql::any_connection conn_;
  asio::steady_timer timer_;
  mysql::results rows_, ping_;
};

// A heartbeat written from a timer beside the write queue's chain: two
// writes on the websocket (shared_from_this captures and bound handlers).
class Heartbeat : public std::enable_shared_from_this<Heartbeat> {
public:
  explicit Heartbeat(asio::any_io_executor ex) : ws_(ex), timer_(ex) {}
  void send(std::string message) {
    queue_.push_back(std::move(message));
    if (queue_.size() > 1)
      return;
    do_write();
  }
  void start() { tick(); }

private:
  void do_write() {
    ws_.async_write(asio::buffer(queue_.front().c_str(), 0),
                    [self = shared_from_this()](int, unsigned long) { self->on_write(); });
  }
  void on_write() {
    queue_.pop_front();
    if (!queue_.empty())
      do_write();
  }
  void tick() {
    timer_.expires_after(10);
    timer_.async_wait([self = shared_from_this()](int) {
      self->ws_.async_write(asio::buffer("{}", 2), [](int, unsigned long) {});
      // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: operation 'async_write' on session 'ws_' of type 'Socket' can start while 'async_write' is in flight on it: two chains of completion handlers start them independently
      self->tick();
    });
  }
  Socket ws_;
  asio::steady_timer timer_;
  std::deque<std::string> queue_;
};

// --- one chain that piles them up --------------------------------------------

// Each write completion starts another read while the read chain has one
// outstanding.
class ReadAfterWrite {
public:
  explicit ReadAfterWrite(asio::any_io_executor ex) : ws_(ex) {}
  void start() { do_read(); }
  void send(std::string message) {
    queue_.push_back(std::move(message));
    if (queue_.size() == 1)
      do_write();
  }

private:
  void do_read() {
    ws_.async_read(buffer_, [this](int, unsigned long) { do_read(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: operation 'async_read' on session 'ws_' of type 'Socket' can start again while the previous one is still in flight: the completion handler of 'async_write', which runs again and again, starts it without waiting for it
    // CHECK-NOTES: :[[@LINE+4]]:9: note: 'async_write' completes again and again; its handler starts 'async_read' without waiting for the one in flight
    // CHECK-NOTES: :[[@LINE-3]]:9: note: start 'async_read' from one chain only, or only when none is in flight (a flag or a queue its completion handler clears)
  }
  void do_write() {
    ws_.async_write(asio::buffer(queue_.front().c_str(), 0), [this](int, unsigned long) {
      queue_.pop_front();
      do_read();
      if (!queue_.empty())
        do_write();
    });
  }
  Socket ws_;
  beast::flat_buffer buffer_;
  std::deque<std::string> queue_;
};

// Each read starts a write and goes on reading: the writes are never
// waited for (a bound member function as the handler).
class ReplyPerRead {
public:
  explicit ReplyPerRead(asio::any_io_executor ex) : stream_(ex) {}
  void start() { do_read(); }

private:
  void do_read() { asio::async_read(stream_, asio::buffer(in_, 64), std::bind(&ReplyPerRead::on_read, this)); }
  void on_read() {
    asio::async_write(stream_, asio::buffer("ok", 2), [](int, unsigned long) {});
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: operation 'async_write' on session 'stream_' of type 'boost::asio::ip::tcp_socket' can start again while the previous one is still in flight: the completion handler of 'async_read', which runs again and again, starts it without waiting for it
    do_read();
  }
  asio::ip::tcp_socket stream_;
  char in_[64];
};

// --- what stays silent ---------------------------------------------------------

// The keep-alive runs only while no request is in flight: the flag the
// request's handler clears.
class IdleKeepAlive {
public:
  explicit IdleKeepAlive(asio::any_io_executor ex) : conn_(ex), timer_(ex) {}
  void start() {
    next_request();
    arm();
  }

private:
  void next_request() {
    busy_ = true;
    conn_.async_execute("SELECT job FROM queue", rows_, [this](int, unsigned long) {
      busy_ = false;
      next_request();
    });
  }
  void arm() {
    timer_.async_wait([this](int) {
      if (!busy_)
        conn_.async_execute("SELECT 1", ping_, [](int, unsigned long) {});
      arm();
    });
  }
  mysql::any_connection conn_;
  asio::steady_timer timer_;
  mysql::results rows_, ping_;
  bool busy_ = false;
};

// A websocket ping beside the write chain: one ping and one write may be
// in flight together.
class Pinger {
public:
  explicit Pinger(asio::any_io_executor ex) : ws_(ex), timer_(ex) {}
  void start() {
    do_write();
    tick();
  }

private:
  void do_write() {
    ws_.async_write(asio::buffer("x", 1), [this](int, unsigned long) { do_write(); });
  }
  void tick() {
    timer_.async_wait([this](int) {
      ws_.async_ping("", [](int, unsigned long) {});
      tick();
    });
  }
  Socket ws_;
  asio::steady_timer timer_;
};

// One chain through a timer: the next query starts when the wait ends, the
// wait when the query ends.
class Poller {
public:
  explicit Poller(asio::any_io_executor ex) : conn_(ex), timer_(ex) {}
  void start() { query(); }

private:
  void query() {
    conn_.async_execute("SELECT 1", rows_, [this](int, unsigned long) { wait(); });
  }
  void wait() {
    timer_.async_wait([this](int) { query(); });
  }
  mysql::any_connection conn_;
  asio::steady_timer timer_;
  mysql::results rows_;
};

// The echo pattern: read, write what was read, read again; and a reader
// beside a writer on a full-duplex stream.
class Echo {
public:
  explicit Echo(asio::any_io_executor ex) : ws_(ex), other_(ex) {}
  void start() {
    do_read();
    other_read();
    other_write();
  }

private:
  void do_read() {
    ws_.async_read(buffer_, [this](int, unsigned long) { do_write(); });
  }
  void do_write() {
    ws_.async_write(asio::buffer("x", 1), [this](int, unsigned long) { do_read(); });
  }
  void other_read() {
    other_.async_read(buffer_, [this](int, unsigned long) { other_read(); });
  }
  void other_write() {
    other_.async_write(asio::buffer("x", 1), [this](int, unsigned long) { other_write(); });
  }
  Socket ws_, other_;
  beast::flat_buffer buffer_;
};

// Reconnecting: an error ends the read chain and a timer starts it again;
// one chain.
class Reconnect {
public:
  explicit Reconnect(asio::any_io_executor ex) : stream_(ex), timer_(ex) {}
  void start() { connect(); }

private:
  void connect() {
    stream_.async_connect(1, [this](int) { read(); });
  }
  void read() {
    stream_.async_read_some(asio::buffer(in_, 64), [this](int ec, unsigned long) {
      if (ec)
        timer_.async_wait([this](int) { connect(); });
      else
        read();
    });
  }
  asio::ip::tcp_socket stream_;
  asio::steady_timer timer_;
  char in_[64];
};

// --- other shapes ----------------------------------------------------------------

// A class template over the connection type, the ping two member
// functions down from the timer's handler: still the timer's chain.
template <class Connection> class PooledKeepAlive {
public:
  explicit PooledKeepAlive(asio::any_io_executor ex) : conn_(ex), timer_(ex) {}
  void start() {
    next();
    arm();
  }

private:
  void next() {
    conn_.async_execute("SELECT 2", rows_, [this](int, unsigned long) { next(); });
  }
  void arm() {
    timer_.async_wait([this](int) {
      keep_alive();
      arm();
    });
  }
  void keep_alive() { ping(); }
  void ping() {
    conn_.async_execute("SELECT 1", rows_, [](int, unsigned long) {});
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: operation 'async_execute' on session 'conn_' of type 'boost::mysql::any_connection' can start while 'async_execute' is in flight on it: two chains of completion handlers start them independently
  }
  Connection conn_;
  asio::steady_timer timer_;
  mysql::results rows_;
};
template class PooledKeepAlive<mysql::any_connection>;

// The read restarted from the write's handler through a macro.
#define RESTART_READ(self) (self)->do_read()
class MacroRead {
public:
  explicit MacroRead(asio::any_io_executor ex) : ws_(ex) {}
  void start() {
    do_read();
    do_write();
  }
  void do_read() {
    ws_.async_read(buffer_, [this](int, unsigned long) { do_read(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: operation 'async_read' on session 'ws_' of type 'Socket' can start again while the previous one is still in flight: the completion handler of 'async_write', which runs again and again, starts it without waiting for it
  }

private:
  void do_write() {
    ws_.async_write(asio::buffer("x", 1), [this](int, unsigned long) {
      RESTART_READ(this);
      do_write();
    });
  }
  Socket ws_;
  beast::flat_buffer buffer_;
};

// A read restarted from the write's handler only when no read is in
// flight: the flag the read's handler clears.
class GuardedRead {
public:
  explicit GuardedRead(asio::any_io_executor ex) : ws_(ex) {}
  void start() {
    do_read();
    do_write();
  }

private:
  void do_read() {
    reading_ = true;
    ws_.async_read(buffer_, [this](int, unsigned long) {
      reading_ = false;
      do_read();
    });
  }
  void do_write() {
    ws_.async_write(asio::buffer("x", 1), [this](int, unsigned long) {
      if (!reading_)
        do_read();
      do_write();
    });
  }
  Socket ws_;
  beast::flat_buffer buffer_;
  bool reading_ = false;
};
