// RUN: %check_sessionlint %s -- %mock_flags
// A function that starts an operation with a completion handler on what it
// is handed returns with the operation in flight: each call of it starts
// that operation in the caller (issue 10: a call counts as what the callee
// does). Through one and two levels of helpers, a member function, and with
// the silences: a read and a write, a helper on its own session, a helper
// that waits for its future.
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/mysql.hpp>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace mysql = boost::mysql;

static void ping(beast::websocket::stream<beast::tcp_stream> &ws, const char *payload) {
  ws.async_ping(payload, [](int) {});
}
static void send(beast::websocket::stream<beast::tcp_stream> &ws, const char *text) {
  ws.async_write(asio::buffer(text, 4), [](int, unsigned long) {});
}
static void receive(beast::websocket::stream<beast::tcp_stream> &ws, beast::flat_buffer &buf) {
  ws.async_read(buf, [](int, unsigned long) {});
}

void two_pings_through_helpers_bad(beast::websocket::stream<beast::tcp_stream> &ws) {
  ping(ws, "a");
  ping(ws, "b");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: operation 'ping' on session 'ws' of type 'boost::beast::websocket::stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' starts while 'async_ping' is still in flight on it [sessionlint-concurrent-operations]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'async_ping' started here and has not completed
}

void helper_then_direct_write_bad(beast::websocket::stream<beast::tcp_stream> &ws) {
  send(ws, "a");
  ws.async_write(asio::buffer("b", 1), [](int, unsigned long) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: operation 'async_write' on session 'ws' of type 'boost::beast::websocket::stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' starts while 'async_write' is still in flight on it
}

// Two levels: greet() calls send(), which leaves the write in flight.
static void greet(beast::websocket::stream<beast::tcp_stream> &ws) { send(ws, "hi"); }
void two_levels_bad(beast::websocket::stream<beast::tcp_stream> &ws) {
  greet(ws);
  send(ws, "bye");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: operation 'send' on session 'ws' of type 'boost::beast::websocket::stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' starts while 'async_write' is still in flight on it
}

// A member function that launches on a member session.
class Client {
public:
  void query(const char *sql) { conn_.async_execute(sql, r_, [](int) {}); }
  void two_queries_bad() {
    query("select 1");
    query("select 2");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: operation 'query' on session 'conn_' of type 'boost::mysql::any_connection' starts while 'async_execute' is still in flight on it
  }

private:
  mysql::any_connection conn_;
  mysql::results r_;
};

// --- silent -----------------------------------------------------------------
void read_and_write_through_helpers_ok(beast::websocket::stream<beast::tcp_stream> &ws,
                                       beast::flat_buffer &buf) {
  receive(ws, buf);
  send(ws, "a");
}

void helpers_on_two_streams_ok(beast::websocket::stream<beast::tcp_stream> &a,
                               beast::websocket::stream<beast::tcp_stream> &b) {
  ping(a, "a");
  ping(b, "b");
}

// Its own session: nothing of the caller's is in flight.
static void query_own(asio::any_io_executor ex, const char *sql) {
  mysql::any_connection own(ex);
  mysql::results r;
  own.async_execute(sql, r, [](int) {});
}
void own_sessions_ok(asio::any_io_executor ex, mysql::any_connection &conn,
                     mysql::results &r) {
  query_own(ex, "select 1");
  query_own(ex, "select 2");
  conn.async_execute("select 3", r, [](int) {});
}

// A helper that waits for its operation returns with nothing in flight.
static void query_and_wait(mysql::any_connection &conn, mysql::results &r) {
  auto f = conn.async_execute("select 1", r, asio::use_future);
  f.get();
}
void waited_in_helper_ok(mysql::any_connection &conn) {
  mysql::results r1, r2;
  query_and_wait(conn, r1);
  query_and_wait(conn, r2);
}

// A global session left in flight by a helper.
mysql::any_connection *shared_conn;
mysql::results shared_results;
static void refresh() { shared_conn->async_execute("select 1", shared_results, [](int) {}); }
void refresh_twice_bad() {
  refresh();
  refresh();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: operation 'refresh' on session 'shared_conn' of type 'boost::mysql::any_connection *' starts while 'async_execute' is still in flight on it
}
