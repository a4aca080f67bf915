// RUN: %check_sessionlint %s -- %mock_flags
// Reductions of correct code from a real callback-style code base (i2pd
// 2.45's SAM, BOB, NTCP2 and I2PControl sessions, bench/results/findings.md)
// that earlier versions reported: each stays silent, next to the buggy
// variant that must still be found.
#include <boost/asio.hpp>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace asio = boost::asio;

// A command protocol: read a line, run the command's handler through a
// table of member function pointers, write the reply, read again. The
// handlers are public only so the table can name them; the read handler is
// their one caller.
class CommandSession : public std::enable_shared_from_this<CommandSession> {
public:
  typedef void (CommandSession::*Handler)(const char *operand);
  explicit CommandSession(asio::any_io_executor ex) : socket_(ex) {
    handlers_[0] = &CommandSession::quit;
  }
  void start() { receive(); }
  void quit(const char *operand) { reply("Bye!"); }

private:
  void receive() {
    socket_.async_read_some(asio::buffer(line_, sizeof line_),
                            std::bind(&CommandSession::on_line, shared_from_this()));
  }
  void on_line() {
    if (Handler h = handlers_[line_[0] % 1])
      (this->*h)(line_);
  }
  void reply(const char *text) {
    asio::async_write(socket_, asio::buffer(text, 4),
                      std::bind(&CommandSession::on_sent, shared_from_this()));
  }
  void on_sent() { receive(); }
  asio::ip::tcp_socket socket_;
  char line_[128];
  Handler handlers_[1] = {};
};

// The read handler is one of two member functions chosen by a condition:
// both lead back to the next read through the reply.
class Bridge : public std::enable_shared_from_this<Bridge> {
public:
  explicit Bridge(asio::any_io_executor ex) : socket_(ex) {}
  void start() { receive(); }

private:
  void receive() {
    socket_.async_read_some(asio::buffer(buf_, sizeof buf_),
                            std::bind(streaming_ ? &Bridge::on_data : &Bridge::on_command,
                                      shared_from_this()));
  }
  void on_data() { receive(); }
  void on_command() { reply(); }
  void reply() {
    asio::async_write(socket_, asio::buffer("OK\n", 3),
                      std::bind(&Bridge::on_replied, shared_from_this()));
  }
  void on_replied() { receive(); }
  asio::ip::tcp_socket socket_;
  char buf_[64];
  bool streaming_ = false;
};

// An accessor handing out the socket is not an operation on it; a write
// and then a read on a socket is full duplex.
class Proxy {
public:
  explicit Proxy(asio::any_io_executor ex) : socket_(ex) {}
  asio::ip::tcp_socket &socket() { return socket_; }
  void handshake() {
    asio::async_write(socket(), asio::buffer("\x05\x01\x00", 3), [](int, unsigned long) {});
    asio::async_read(socket(), asio::buffer(reply_, 2), [](int, unsigned long) {});
  }
  void twice_bad() {
    asio::async_write(socket(), asio::buffer("a", 1), [](int, unsigned long) {});
    asio::async_write(socket(), asio::buffer("b", 1), [](int, unsigned long) {});
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: operation 'async_write' on session 'socket_' of type 'boost::asio::ip::tcp_socket' starts while 'async_write' is still in flight on it [sessionlint-concurrent-operations]
  }

private:
  asio::ip::tcp_socket socket_;
  char reply_[2];
};

// Closing the socket ends the read in flight: that is how it is cancelled;
// asking whether it is open starts nothing.
class Acceptor {
public:
  explicit Acceptor(asio::any_io_executor ex) : socket_(ex) {}
  void login() { socket_.async_read_some(asio::buffer(buf_, 8), [](int, unsigned long) {}); }
  void close() {
    if (socket_.is_open())
      socket_.close();
  }
  void retry() {
    login();
    close();
  }

private:
  asio::ip::tcp_socket socket_;
  char buf_[8];
};

// The reply is written in the try block or, if building it throws, in the
// handler: an exception out of the write's own initiation started nothing.
class JsonRpc {
public:
  explicit JsonRpc(asio::any_io_executor ex) : socket_(ex) {}
  void start() {
    socket_.async_read_some(asio::buffer(request_, sizeof request_),
                            [this](int, unsigned long n) { on_request(n); });
  }

private:
  void on_request(unsigned long n) {
    try {
      if (n == 0)
        throw std::runtime_error("empty");
      respond("{}");
    } catch (std::exception &) {
      respond("{\"error\":1}");
    }
  }
  void respond(const char *body) {
    asio::async_write(socket_, asio::buffer(body, 2), [](int, unsigned long) {});
  }
  asio::ip::tcp_socket socket_;
  char request_[512];
};
