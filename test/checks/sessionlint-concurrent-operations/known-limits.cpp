// RUN: %check_sessionlint %s -- %mock_flags
// Known misses (FN_) and known noise (FP_) of sessionlint-concurrent-operations,
// each with the reason (docs/checks/sessionlint-concurrent-operations.md).
#include <boost/asio.hpp>
#include <libpq-fe.h>

namespace asio = boost::asio;
using namespace boost::asio::experimental::awaitable_operators;

// FN: only async_* calls are operations; libpq's PQsendQuery starts one too,
// and a second before PQgetResult drains the first fails at run time.
int PQsendQuery(PGconn *conn, const char *query);
void FN_libpq_send_query_twice(PGconn *conn) {
  PQsendQuery(conn, "select 1");
  PQsendQuery(conn, "select 2");
}

// FP: the coroutine bodies are not in view, so each call counts as one
// exclusive operation on the stream, though one only reads and the other
// only writes.
asio::awaitable<void> read_loop(asio::ip::tcp_socket &s);
asio::awaitable<void> write_loop(asio::ip::tcp_socket &s);
asio::awaitable<void> FP_out_of_view_reader_and_writer(asio::ip::tcp_socket &sock) {
  co_await (read_loop(sock) && write_loop(sock));
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: operation 'write_loop' on session 'sock' of type 'boost::asio::ip::tcp_socket' runs at the same time as 'read_loop' under 'operator&&' [sessionlint-concurrent-operations]
}
