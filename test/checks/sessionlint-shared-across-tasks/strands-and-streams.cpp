// RUN: %check_sessionlint %s -- %mock_flags
// Serialisation by an executor: handlers posted, dispatched or bound to one
// Asio strand never run at once, so the strand orders them like a lock. A
// coroutine spawned on a strand still interleaves with the others at each
// co_await: that is the seed's bug, strand or not. And full duplex: a task
// that only writes a stream beside a spawner that only reads it is the
// documented pattern; two writers or two readers are not.
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <pqxx/pqxx>
#include <thread>

namespace asio = boost::asio;
namespace beast = boost::beast;

// --- a client that routes every entry point through its strand --------------
class RedisLikeClient {
public:
  explicit RedisLikeClient(asio::io_context &io) : strand_(asio::make_strand(io)) {}
  void set(int key) {
    asio::post(strand_, [this, key] { write_command(key); });
  }
  void get(int key) {
    asio::dispatch(strand_, [this, key] { write_command(key); });
  }
  void flush() {
    asio::post(io_, asio::bind_executor(strand_, [this] { conn_.close(); }));
  }

private:
  void write_command(int) { pqxx::work tx(conn_); }
  asio::io_context io_;
  asio::strand strand_;
  pqxx::connection conn_;
};

void strand_serialises_all_uses_ok(asio::io_context &io) {
  RedisLikeClient client(io);
  client.set(1);
  client.get(2);
  client.flush();
}

// One entry point goes around the strand: its use can run beside a handler.
class LeakyClient {
public:
  explicit LeakyClient(asio::io_context &io) : strand_(asio::make_strand(io)) {}
  void set(int key) {
    asio::post(strand_, [this, key] { write_command(key); });
    // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: session 'conn_' of type 'pqxx::connection' is shared with a detached task started by 'post' while the caller keeps using it [sessionlint-shared-across-tasks]
  }
  bool healthy_bad() { return conn_.is_open(); }

private:
  void write_command(int) { pqxx::work tx(conn_); }
  asio::strand strand_;
  pqxx::connection conn_;
};

// Two handlers on one strand in a row, the session a member: ordered.
class Batcher {
public:
  void two_posts_on_one_strand_ok() {
    asio::post(strand_, [this] { pqxx::work tx(db_); });
    asio::post(strand_, [this] { db_.close(); });
  }

private:
  asio::strand strand_{asio::any_io_executor()};
  pqxx::connection db_;
};

// A strand made here protects nothing against the caller's other uses.
void local_strand_detached_bad(asio::io_context &io, pqxx::connection &db) {
  auto strand = asio::make_strand(io);
  asio::post(strand, [&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'post' while the caller keeps using it [sessionlint-shared-across-tasks]
}

// Coroutines on one strand interleave at every co_await.
asio::awaitable<void> save_progress(pqxx::connection &db) {
  pqxx::work tx(db);
  co_return;
}
asio::awaitable<void> coroutines_on_a_strand_bad(asio::strand &strand) {
  pqxx::connection db;
  asio::co_spawn(strand, save_progress(db), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'co_spawn' and 'co_spawn' [sessionlint-shared-across-tasks]
  asio::co_spawn(strand, save_progress(db), asio::detached);
  co_return;
}

// --- full duplex ------------------------------------------------------------
void websocket_writer_beside_reader_ok(beast::websocket::stream<beast::tcp_stream> &ws,
                                       beast::flat_buffer &buf) {
  std::thread writer([&ws] { ws.write(asio::const_buffer{}); });
  ws.read(buf);
  writer.join();
}

void websocket_two_writers_bad(beast::websocket::stream<beast::tcp_stream> &ws) {
  std::thread writer([&ws] { ws.write(asio::const_buffer{}); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session 'ws' of type 'boost::beast::websocket::stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  ws.write(asio::const_buffer{});
  writer.join();
}

// A synchronous ping writes its frame at once on its own thread: beside a
// write on another thread the bytes interleave. Only asynchronous pings
// queue behind a write (one of each may be outstanding on one strand).
void websocket_sync_ping_beside_write_bad(beast::websocket::stream<beast::tcp_stream> &ws) {
  std::thread pinger([&ws] { ws.ping("keepalive"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: session 'ws' of type 'boost::beast::websocket::stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' is shared with a task started by 'std::thread' while this function keeps using it
  ws.write(asio::const_buffer{});
  pinger.join();
}

void tcp_stream_reader_thread_writer_thread_ok(beast::tcp_stream &s) {
  std::thread reader([&s] { s.read_some(asio::mutable_buffer{}); });
  std::thread writer([&s] { s.write_some(asio::const_buffer{}); });
  reader.join();
  writer.join();
}

void tcp_stream_two_readers_bad(beast::tcp_stream &s) {
  std::thread a([&s] { s.read_some(asio::mutable_buffer{}); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'boost::beast::tcp_stream' is shared by overlapping tasks started by 'std::thread' and 'std::thread' [sessionlint-shared-across-tasks]
  std::thread b([&s] { beast::http::read(s, *new beast::flat_buffer, *new int); });
  a.join();
  b.join();
}

// A helper that only writes, called by a task, beside a reader.
void send_frame(beast::tcp_stream &s) { s.write_some(asio::const_buffer{}); }
void helper_writer_beside_reader_ok(beast::tcp_stream &s) {
  std::thread t([&s] { send_frame(s); });
  s.read_some(asio::mutable_buffer{});
  t.join();
}

// --- a plain Asio socket between tasks ---------------------------------------
// Two coroutines writing one tcp::socket interleave their bytes: the socket
// is a session between tasks, with the full-duplex rule of the other
// streams (one reader beside one writer is the documented pattern).
asio::awaitable<void> send_lines(asio::ip::tcp_socket &sock) {
  co_await asio::async_write(sock, asio::const_buffer(), asio::use_awaitable);
}

asio::awaitable<void> read_lines(asio::ip::tcp_socket &sock) {
  co_await sock.async_read_some(asio::mutable_buffer(), asio::use_awaitable);
}

void two_coroutines_write_plain_socket_bad(asio::io_context &io) {
  asio::ip::tcp_socket sock(io.get_executor());
  asio::co_spawn(io, send_lines(sock), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: session 'sock' of type 'boost::asio::ip::tcp_socket' is shared by overlapping tasks started by 'co_spawn' and 'co_spawn' [sessionlint-shared-across-tasks]
  asio::co_spawn(io, send_lines(sock), asio::detached);
  io.run();
}

void reader_and_writer_coroutines_plain_socket_ok(asio::io_context &io) {
  asio::ip::tcp_socket sock(io.get_executor());
  asio::co_spawn(io, read_lines(sock), asio::detached);
  asio::co_spawn(io, send_lines(sock), asio::detached);
  io.run();
}
