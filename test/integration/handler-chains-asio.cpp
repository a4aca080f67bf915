// RUN: %check_sessionlint %s -- %real_flags
// Real headers: Boost 1.74's Asio timers and Beast websockets in callback
// style. A heartbeat written from a timer beside the write queue's chain
// is two writes in flight; a ping from the timer is not (one ping and one
// write may be outstanding together). A read restarted from each write
// completion while the read chain runs is two reads.
#include <boost/asio/steady_timer.hpp>
#include <boost/beast.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <string>

namespace beast = boost::beast;
namespace net = boost::asio;
namespace websocket = beast::websocket;

class heartbeat_session : public std::enable_shared_from_this<heartbeat_session> {
  websocket::stream<beast::tcp_stream> ws_;
  net::steady_timer timer_;
  std::deque<std::string> queue_;

public:
  explicit heartbeat_session(net::ip::tcp::socket &&socket)
      : ws_(std::move(socket)), timer_(ws_.get_executor()) {}
  void send(std::string message) {
    queue_.push_back(std::move(message));
    if (queue_.size() > 1)
      return;
    write_front();
  }
  void start() { tick(); }

private:
  void write_front() {
    ws_.async_write(net::buffer(queue_.front()),
                    beast::bind_front_handler(&heartbeat_session::on_write, shared_from_this()));
  }
  void on_write(beast::error_code ec, std::size_t) {
    queue_.erase(queue_.begin());
    if (!ec && !queue_.empty())
      write_front();
  }
  void tick() {
    timer_.expires_after(std::chrono::seconds(10));
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec)
        return;
      self->ws_.async_write(net::buffer("{}", 2), [](beast::error_code, std::size_t) {});
      // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: operation 'async_write' on session 'ws_' of type 'boost::beast::websocket::stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' can start while 'async_write' is in flight on it: two chains of completion handlers start them independently [sessionlint-concurrent-operations]
      self->tick();
    });
  }
};

class pinging_session : public std::enable_shared_from_this<pinging_session> {
  websocket::stream<beast::tcp_stream> ws_;
  net::steady_timer timer_;
  std::deque<std::string> queue_;

public:
  explicit pinging_session(net::ip::tcp::socket &&socket)
      : ws_(std::move(socket)), timer_(ws_.get_executor()) {}
  void send(std::string message) {
    queue_.push_back(std::move(message));
    if (queue_.size() > 1)
      return;
    write_front();
  }
  void start() { tick(); }

private:
  void write_front() {
    ws_.async_write(net::buffer(queue_.front()),
                    beast::bind_front_handler(&pinging_session::on_write, shared_from_this()));
  }
  void on_write(beast::error_code ec, std::size_t) {
    queue_.erase(queue_.begin());
    if (!ec && !queue_.empty())
      write_front();
  }
  void tick() {
    timer_.expires_after(std::chrono::seconds(10));
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec)
        return;
      self->ws_.async_ping({}, [](beast::error_code) {});
      self->tick();
    });
  }
};

class reading_session : public std::enable_shared_from_this<reading_session> {
  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  std::deque<std::string> queue_;

public:
  explicit reading_session(net::ip::tcp::socket &&socket) : ws_(std::move(socket)) {}
  void start() { do_read(); }
  void send(std::string message) {
    queue_.push_back(std::move(message));
    if (queue_.size() == 1)
      write_front();
  }

private:
  void do_read() {
    ws_.async_read(buffer_, beast::bind_front_handler(&reading_session::on_read, shared_from_this()));
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: operation 'async_read' on session 'ws_' of type 'boost::beast::websocket::stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' can start again while the previous one is still in flight: the completion handler of 'async_write', which runs again and again, starts it without waiting for it [sessionlint-concurrent-operations]
  }
  void on_read(beast::error_code ec, std::size_t) {
    if (!ec)
      do_read();
  }
  void write_front() {
    ws_.async_write(net::buffer(queue_.front()),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                      self->queue_.erase(self->queue_.begin());
                      self->do_read();
                      if (!ec && !self->queue_.empty())
                        self->write_front();
                    });
  }
};
