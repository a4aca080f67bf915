// RUN: %check_sessionlint %s -- %real_flags -DASIO_HAS_CO_AWAIT=1
// Real headers: standalone Asio 1.22 (libasio-dev), whose experimental
// awaitable operators and parallel groups are the ones users write. Boost
// 1.74 has neither.
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <asio/experimental/parallel_group.hpp>
#include <asio/ssl.hpp>
#include <thread>
#include <array>

using namespace asio::experimental::awaitable_operators;

asio::awaitable<void> two_reads_bad(asio::ip::tcp::socket &sock) {
  std::array<char, 64> a, b;
  co_await (sock.async_read_some(asio::buffer(a), asio::use_awaitable) &&
            asio::async_read(sock, asio::buffer(b), asio::use_awaitable));
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: operation 'async_read' on session 'sock' of type 'asio::ip::tcp::socket' runs at the same time as 'async_read_some' under 'operator&&' [sessionlint-concurrent-operations]
}
asio::awaitable<void> read_write_ok(asio::ip::tcp::socket &sock) {
  std::array<char, 64> a, b;
  co_await (sock.async_read_some(asio::buffer(a), asio::use_awaitable) &&
            asio::async_write(sock, asio::buffer(b), asio::use_awaitable));
}
asio::awaitable<void> read_or_timeout_ok(asio::ip::tcp::socket &sock, asio::steady_timer &t) {
  std::array<char, 64> a;
  co_await (sock.async_read_some(asio::buffer(a), asio::use_awaitable) || t.async_wait(asio::use_awaitable));
}
void group_bad(asio::ip::tcp::socket &sock) {
  std::array<char, 64> a, b;
  asio::experimental::make_parallel_group(
      [&](auto token) { return asio::async_write(sock, asio::buffer(a), token); },
      [&](auto token) { return asio::async_write(sock, asio::buffer(b), token); })
      // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: operation 'async_write' on session 'sock' of type 'asio::ip::tcp::socket' runs at the same time as 'async_write' under 'make_parallel_group
      .async_wait(asio::experimental::wait_for_all(), [](auto...) {});
}

// Standalone Asio's ssl::stream is a session for sessionlint-shared-across-tasks,
// and full duplex: a reader thread beside a writer is the documented
// pattern; two writers are the bug.
void ssl_stream_reader_beside_writer_ok(asio::ssl::stream<asio::ip::tcp::socket> &s, char *buf) {
  std::thread reader([&s, buf] { s.read_some(asio::buffer(buf, 16)); });
  s.write_some(asio::buffer(buf, 16));
  reader.join();
}
void ssl_stream_two_writers_bad(asio::ssl::stream<asio::ip::tcp::socket> &s, char *buf) {
  std::thread writer([&s, buf] { s.write_some(asio::buffer(buf, 16)); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session 's' of type 'asio::ssl::stream<asio::basic_stream_socket<asio::ip::tcp>>' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  s.write_some(asio::buffer(buf, 16));
  writer.join();
}
