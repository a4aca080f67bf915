// RUN: %check_sessionlint %s -- %mock_flags
// SPEC rule 4 with Asio's awaitable operators and parallel groups: the
// operands run at the same time inside one coroutine, so two operations on
// one connection are in flight together. Boost.MySQL answers this with
// client_errc::operation_in_progress at run time.
#include <boost/asio.hpp>
#include <boost/mysql.hpp>

namespace asio = boost::asio;
using namespace boost::asio::experimental::awaitable_operators;

asio::awaitable<void> two_queries_and_bad(boost::mysql::any_connection &conn) {
  boost::mysql::results r1, r2;
  co_await (conn.async_execute("select 1", r1, asio::use_awaitable) &&
            conn.async_execute("select 2", r2, asio::use_awaitable));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: operation 'async_execute' on session 'conn' of type 'boost::mysql::any_connection' runs at the same time as 'async_execute' under 'operator&&' [sessionlint-concurrent-operations]
  // CHECK-NOTES: :[[@LINE-3]]:18: note: 'async_execute' is in flight here at the same time
  // CHECK-NOTES: :[[@LINE-3]]:18: note: await one operation before starting the next, or give each its own session (a second connection, or one leased from a pool)
}

asio::awaitable<void> two_queries_or_bad(boost::mysql::any_connection &conn) {
  boost::mysql::results r1, r2;
  co_await (conn.async_execute("select 1", r1, asio::use_awaitable) ||
            conn.async_execute("select 2", r2, asio::use_awaitable));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: operation 'async_execute' on session 'conn' of type 'boost::mysql::any_connection' runs at the same time as 'async_execute' under 'operator||'
}

asio::awaitable<void> three_operands_bad(boost::mysql::any_connection &conn,
                                         boost::mysql::any_connection &other) {
  boost::mysql::results r1, r2, r3;
  co_await (conn.async_execute("select 1", r1, asio::use_awaitable) &&
            other.async_execute("select 2", r2, asio::use_awaitable) &&
            conn.async_execute("select 3", r3, asio::use_awaitable));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: operation 'async_execute' on session 'conn' of type 'boost::mysql::any_connection' runs at the same time as 'async_execute' under 'operator&&'
}

asio::awaitable<void> query(boost::mysql::any_connection &c, const char *sql) {
  boost::mysql::results r;
  co_await c.async_execute(sql, r, asio::use_awaitable);
}

asio::awaitable<void> coroutines_on_one_connection_bad(boost::mysql::any_connection &conn) {
  co_await (query(conn, "select 1") && query(conn, "select 2"));
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: operation 'query' on session 'conn' of type 'boost::mysql::any_connection' runs at the same time as 'query' under 'operator&&'
}

asio::awaitable<void> two_connections_ok(boost::mysql::any_connection &a,
                                         boost::mysql::any_connection &b) {
  boost::mysql::results r1, r2;
  co_await (a.async_execute("select 1", r1, asio::use_awaitable) &&
            b.async_execute("select 2", r2, asio::use_awaitable));
  co_await (query(a, "select 1") && query(b, "select 2"));
}

asio::awaitable<void> sequential_awaits_ok(boost::mysql::any_connection &conn) {
  boost::mysql::results r1, r2;
  co_await conn.async_execute("select 1", r1, asio::use_awaitable);
  co_await conn.async_execute("select 2", r2, asio::use_awaitable);
}

asio::awaitable<void> timer_and_query_ok(boost::mysql::any_connection &conn,
                                         asio::steady_timer &timer) {
  boost::mysql::results r;
  co_await (conn.async_execute("select 1", r, asio::use_awaitable) ||
            timer.async_wait(asio::use_awaitable));
}

asio::awaitable<void> read_and_write_on_socket_ok(asio::ip::tcp_socket &sock, char *in,
                                                  const char *out) {
  co_await (sock.async_read_some(asio::buffer(in, 64), asio::use_awaitable) &&
            sock.async_write_some(asio::buffer(out, 64), asio::use_awaitable));
}

asio::awaitable<void> two_reads_on_socket_bad(asio::ip::tcp_socket &sock, char *a, char *b) {
  co_await (sock.async_read_some(asio::buffer(a, 64), asio::use_awaitable) &&
            asio::async_read(sock, asio::buffer(b, 64), asio::use_awaitable));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: operation 'async_read' on session 'sock' of type 'boost::asio::ip::tcp_socket' runs at the same time as 'async_read_some' under 'operator&&'
  // CHECK-NOTES: :[[@LINE-3]]:18: note: 'async_read_some' is in flight here at the same time
  // CHECK-NOTES: :[[@LINE-3]]:13: note: 'sock' allows one read and one write in flight at a time, not two of a kind
}

asio::awaitable<void> reader(asio::ip::tcp_socket &s, char *buf) {
  co_await s.async_read_some(asio::buffer(buf, 64), asio::use_awaitable);
}
asio::awaitable<void> writer(asio::ip::tcp_socket &s, const char *buf) {
  co_await s.async_write_some(asio::buffer(buf, 64), asio::use_awaitable);
}

asio::awaitable<void> reader_and_writer_coroutines_ok(asio::ip::tcp_socket &sock, char *in,
                                                      const char *out) {
  co_await (reader(sock, in) && writer(sock, out));
}

asio::awaitable<void> two_reader_coroutines_bad(asio::ip::tcp_socket &sock, char *a, char *b) {
  co_await (reader(sock, a) && reader(sock, b));
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: operation 'reader' on session 'sock' of type 'boost::asio::ip::tcp_socket' runs at the same time as 'reader' under 'operator&&'
}

asio::awaitable<void> parallel_group_bad(boost::mysql::any_connection &conn) {
  boost::mysql::results r1, r2;
  auto group = asio::experimental::make_parallel_group(
      conn.async_execute("select 1", r1, asio::deferred),
      conn.async_execute("select 2", r2, asio::deferred));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: operation 'async_execute' on session 'conn' of type 'boost::mysql::any_connection' runs at the same time as 'async_execute' under 'make_parallel_group'
  co_await group.async_wait(asio::experimental::wait_for_all_v, asio::use_awaitable);
}

asio::awaitable<void> parallel_group_lambdas_bad(asio::ip::tcp_socket &sock, const char *a,
                                                 const char *b) {
  auto group = asio::experimental::make_parallel_group(
      [&](auto token) { return sock.async_write_some(asio::buffer(a, 8), token); },
      [&](auto token) { return sock.async_write_some(asio::buffer(b, 8), token); });
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: operation 'async_write_some' on session 'sock' of type 'boost::asio::ip::tcp_socket' runs at the same time as 'async_write_some' under 'make_parallel_group'
  co_await group.async_wait(asio::experimental::wait_for_all_v, asio::use_awaitable);
}

asio::awaitable<void> parallel_group_two_connections_ok(boost::mysql::any_connection &a,
                                                        boost::mysql::any_connection &b) {
  boost::mysql::results r1, r2;
  auto group = asio::experimental::make_parallel_group(
      a.async_execute("select 1", r1, asio::deferred),
      b.async_execute("select 2", r2, asio::deferred));
  co_await group.async_wait(asio::experimental::wait_for_all_v, asio::use_awaitable);
}

asio::awaitable<void> parallel_group_free_functions_bad(asio::ip::tcp_socket &sock,
                                                        const char *a, const char *b) {
  auto group = asio::experimental::make_parallel_group(
      [&](auto token) { return asio::async_write(sock, asio::buffer(a, 8), token); },
      [&](auto token) { return asio::async_write(sock, asio::buffer(b, 8), token); });
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: operation 'async_write' on session 'sock' of type 'boost::asio::ip::tcp_socket' runs at the same time as 'async_write' under 'make_parallel_group'
  co_await group.async_wait(asio::experimental::wait_for_all_v, asio::use_awaitable);
}

asio::awaitable<void> parallel_group_read_and_write_ok(asio::ip::tcp_socket &sock, char *in,
                                                       const char *out) {
  auto group = asio::experimental::make_parallel_group(
      [&](auto token) { return asio::async_read(sock, asio::buffer(in, 8), token); },
      [&](auto token) { return asio::async_write(sock, asio::buffer(out, 8), token); });
  co_await group.async_wait(asio::experimental::wait_for_all_v, asio::use_awaitable);
}

// Only one operand touches the socket (issue 15.10): the other coroutine
// takes it, or not, and only waits on a timer.
asio::awaitable<void> idle(asio::ip::tcp_socket &s, asio::steady_timer &t) {
  co_await t.async_wait(asio::use_awaitable);
}
asio::awaitable<void> wait_only(asio::steady_timer &t) {
  co_await t.async_wait(asio::use_awaitable);
}

asio::awaitable<void> reader_and_idle_coroutine_ok(asio::ip::tcp_socket &sock,
                                                   asio::steady_timer &timer, char *buf) {
  co_await (reader(sock, buf) && idle(sock, timer));
  co_await (reader(sock, buf) || wait_only(timer));
}

// Two reads, one of them a level further down: still two of a kind.
asio::awaitable<void> read_twice_below(asio::ip::tcp_socket &s, char *buf) {
  co_await reader(s, buf);
}
asio::awaitable<void> reader_and_nested_reader_bad(asio::ip::tcp_socket &sock, char *a,
                                                   char *b) {
  co_await (reader(sock, a) && read_twice_below(sock, b));
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: operation 'read_twice_below' on session 'sock' of type 'boost::asio::ip::tcp_socket' runs at the same time as 'reader' under 'operator&&'
}
