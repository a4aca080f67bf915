// RUN: %check_sessionlint %s -- %mock_flags
// Operations launched without waiting (use_future, a completion handler,
// detached) stay in flight until their future is waited for, or for good:
// a second operation on the same session before that overlaps the first.
// Full-duplex streams allow one read and one write together; a Beast
// websocket one read, one write, one ping/pong and one close.
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/mysql.hpp>
#include <cppcoro/task.hpp>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace mysql = boost::mysql;

void two_futures_bad(mysql::any_connection &conn) {
  mysql::results r1, r2;
  auto f1 = conn.async_execute("select 1", r1, asio::use_future);
  auto f2 = conn.async_execute("select 2", r2, asio::use_future);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: operation 'async_execute' on session 'conn' of type 'boost::mysql::any_connection' starts while 'async_execute' is still in flight on it [sessionlint-concurrent-operations]
  // CHECK-NOTES: :[[@LINE-3]]:18: note: 'async_execute' started here and has not completed
  f1.get();
  f2.get();
}

void future_waited_first_ok(mysql::any_connection &conn) {
  mysql::results r1, r2;
  auto f1 = conn.async_execute("select 1", r1, asio::use_future);
  f1.get();
  auto f2 = conn.async_execute("select 2", r2, asio::use_future);
  f2.get();
}

void handler_then_operation_bad(mysql::any_connection &conn) {
  mysql::results r1, r2;
  conn.async_execute("select 1", r1, [](int) {});
  conn.async_execute("select 2", r2, [](int) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: operation 'async_execute' on session 'conn' of type 'boost::mysql::any_connection' starts while 'async_execute' is still in flight on it
}

void chained_in_handler_ok(mysql::any_connection &conn, mysql::results &r) {
  conn.async_execute("select 1", r, [&conn, &r](int) {
    conn.async_execute("select 2", r, [](int) {});
  });
}

void two_connections_ok(mysql::any_connection &a, mysql::any_connection &b) {
  mysql::results r1, r2;
  auto f1 = a.async_execute("select 1", r1, asio::use_future);
  auto f2 = b.async_execute("select 2", r2, asio::use_future);
  f1.get();
  f2.get();
}

void writes_in_a_loop_bad(asio::ip::tcp_socket &sock, const char *data, int n) {
  for (int i = 0; i < n; ++i)
    asio::async_write(sock, asio::buffer(data, 8), [](int, unsigned long) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: operation 'async_write' on session 'sock' of type 'boost::asio::ip::tcp_socket' starts again in the next iteration while the previous one is still in flight
}

void read_and_write_handlers_ok(asio::ip::tcp_socket &sock, char *in, const char *out) {
  sock.async_read_some(asio::buffer(in, 8), [](int, unsigned long) {});
  sock.async_write_some(asio::buffer(out, 8), [](int, unsigned long) {});
}

void two_reads_handlers_bad(asio::ip::tcp_socket &sock, char *a, char *b) {
  sock.async_read_some(asio::buffer(a, 8), [](int, unsigned long) {});
  sock.async_read_some(asio::buffer(b, 8), [](int, unsigned long) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: operation 'async_read_some' on session 'sock' of type 'boost::asio::ip::tcp_socket' starts while 'async_read_some' is still in flight on it
  // CHECK-NOTES: :[[@LINE-3]]:8: note: 'async_read_some' started here and has not completed
  // CHECK-NOTES: :[[@LINE-3]]:8: note: 'sock' allows one read and one write in flight at a time, not two of a kind
}

void awaitable_not_started_ok(mysql::any_connection &conn) {
  mysql::results r1, r2;
  // use_awaitable and deferred start nothing until awaited.
  auto a = conn.async_execute("select 1", r1, asio::use_awaitable);
  auto b = conn.async_execute("select 2", r2, asio::deferred);
}

void websocket_read_write_ping_ok(beast::websocket::stream<beast::tcp_stream> &ws,
                                  beast::flat_buffer &buf, const char *msg) {
  ws.async_read(buf, [](int, unsigned long) {});
  ws.async_write(asio::buffer(msg, 4), [](int, unsigned long) {});
  ws.async_ping("", [](int) {});
}

void websocket_two_writes_bad(beast::websocket::stream<beast::tcp_stream> &ws,
                              const char *a, const char *b) {
  ws.async_write(asio::buffer(a, 4), [](int, unsigned long) {});
  ws.async_write(asio::buffer(b, 4), [](int, unsigned long) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: operation 'async_write' on session 'ws' of type 'boost::beast::websocket::stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' starts while 'async_write' is still in flight on it
  // CHECK-NOTES: :[[@LINE-3]]:6: note: 'async_write' started here and has not completed
  // CHECK-NOTES: :[[@LINE-3]]:6: note: 'ws' allows one read, one write, one ping/pong and one close in flight at a time, not two of a kind
}

void websocket_two_pings_bad(beast::websocket::stream<beast::tcp_stream> &ws) {
  ws.async_ping("a", [](int) {});
  ws.async_ping("b", [](int) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: operation 'async_ping' on session 'ws' of type 'boost::beast::websocket::stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' starts while 'async_ping' is still in flight on it
}

void http_read_and_write_ok(beast::tcp_stream &stream, beast::flat_buffer &buf, int &req,
                            int &res) {
  beast::http::async_read(stream, buf, req, [](int, unsigned long) {});
  beast::http::async_write(stream, res, [](int, unsigned long) {});
}

void http_two_writes_bad(beast::tcp_stream &stream, int &a, int &b) {
  beast::http::async_write(stream, a, [](int, unsigned long) {});
  beast::http::async_write(stream, b, [](int, unsigned long) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: operation 'async_write' on session 'stream' of type 'boost::beast::tcp_stream' starts while 'async_write' is still in flight on it
}

// when_all over coroutines that each use the connection.
cppcoro::task<> load_users(mysql::any_connection &c);
cppcoro::task<> load_orders(mysql::any_connection &c);

cppcoro::task<> when_all_one_connection_bad(mysql::any_connection &conn) {
  co_await cppcoro::when_all(load_users(conn), load_orders(conn));
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: operation 'load_orders' on session 'conn' of type 'boost::mysql::any_connection' runs at the same time as 'load_users' under 'when_all'
}

cppcoro::task<> when_all_two_connections_ok(mysql::any_connection &a,
                                            mysql::any_connection &b) {
  co_await cppcoro::when_all(load_users(a), load_orders(b));
}

cppcoro::task<> sequential_coroutines_ok(mysql::any_connection &conn) {
  co_await load_users(conn);
  co_await load_orders(conn);
}
