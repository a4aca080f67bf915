// RUN: %check_sessionlint %s -- %real_flags
// Real headers: Boost.Beast 1.74 streams. A websocket stream allows one
// read and one write (and one ping, one close) in flight; a tcp_stream one
// read and one write.
#include <boost/beast.hpp>
#include <boost/beast/websocket.hpp>
#include <array>
namespace beast = boost::beast;
void ws_two_writes_bad(beast::websocket::stream<beast::tcp_stream> &ws) {
  std::array<char, 4> a, b;
  ws.async_write(boost::asio::buffer(a), [](beast::error_code, std::size_t) {});
  ws.async_write(boost::asio::buffer(b), [](beast::error_code, std::size_t) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: operation 'async_write' on session 'ws' of type 'boost::beast::websocket::stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' starts while 'async_write' is still in flight on it [sessionlint-concurrent-operations]
}
void ws_read_write_ok(beast::websocket::stream<beast::tcp_stream> &ws, beast::flat_buffer &buf) {
  std::array<char, 4> a;
  ws.async_read(buf, [](beast::error_code, std::size_t) {});
  ws.async_write(boost::asio::buffer(a), [](beast::error_code, std::size_t) {});
}
void http_two_writes_bad(beast::tcp_stream &s, beast::http::response<beast::http::string_body> &r) {
  beast::http::async_write(s, r, [](beast::error_code, std::size_t) {});
  beast::http::async_write(s, r, [](beast::error_code, std::size_t) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: operation 'async_write' on session 's' of type 'boost::beast::tcp_stream' starts while 'async_write' is still in flight on it
}
