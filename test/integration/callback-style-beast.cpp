// RUN: %check_sessionlint %s -- %real_flags
// Real headers: Boost.Beast 1.74 and Asio in callback style. A websocket
// session's send() called per message must queue: Beast's own
// websocket-chat example is the silent spelling.
#include <boost/asio/post.hpp>
#include <boost/beast.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <memory>
#include <string>

namespace beast = boost::beast;
namespace net = boost::asio;
namespace websocket = beast::websocket;

class unqueued_session : public std::enable_shared_from_this<unqueued_session> {
  websocket::stream<beast::tcp_stream> ws_;

public:
  explicit unqueued_session(net::ip::tcp::socket &&socket) : ws_(std::move(socket)) {}
  void send(std::shared_ptr<std::string const> const &ss) {
    ws_.async_write(net::buffer(*ss), beast::bind_front_handler(&unqueued_session::on_write,
                                                                 shared_from_this(), ss));
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: operation 'async_write' on session 'ws_' of type 'boost::beast::websocket::stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' can start again while the previous one is still in flight: 'send' starts it on every call [sessionlint-concurrent-operations]
  }

private:
  void on_write(std::shared_ptr<std::string const> const &, beast::error_code, std::size_t) {}
};

// The shape of Beast's example/websocket/server/chat-multi.
class queued_session : public std::enable_shared_from_this<queued_session> {
  websocket::stream<beast::tcp_stream> ws_;
  std::deque<std::shared_ptr<std::string const>> queue_;

public:
  explicit queued_session(net::ip::tcp::socket &&socket) : ws_(std::move(socket)) {}
  void send(std::shared_ptr<std::string const> const &ss) {
    net::post(ws_.get_executor(),
              beast::bind_front_handler(&queued_session::on_send, shared_from_this(), ss));
  }

private:
  void on_send(std::shared_ptr<std::string const> const &ss) {
    queue_.push_back(ss);
    if (queue_.size() > 1)
      return;
    ws_.async_write(net::buffer(*queue_.front()),
                    beast::bind_front_handler(&queued_session::on_write, shared_from_this()));
  }
  void on_write(beast::error_code ec, std::size_t) {
    if (ec)
      return;
    queue_.pop_front();
    if (!queue_.empty())
      ws_.async_write(net::buffer(*queue_.front()),
                      beast::bind_front_handler(&queued_session::on_write, shared_from_this()));
  }
};
