// RUN: %check_sessionlint %s -- %real_flags -I/usr/include/postgresql
// Catalog entries not covered by the other integration cases, on the real
// headers: the struct names behind handle typedefs, libpqxx's transaction
// template, SQLiteCpp's transaction, hiredis' async context, libssh2's
// channel and SFTP handles, and the TLS streams of Boost.Asio and Beast.
#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <hiredis/async.h>
#include <libpq-fe.h>
#include <libssh2.h>
#include <libssh2_sftp.h>
#include <openssl/ssl.h>
#include <pqxx/pqxx>
#include <thread>

template <class T> void touch(T &);

void pg_conn_struct_bad(struct pg_conn *c) {
  std::thread t([c] { touch(c); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'c' of type 'pg_conn *' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(c);
  t.join();
}

void pqxx_transaction_template_bad(pqxx::transaction<pqxx::serializable> &tx) {
  std::thread t([&tx] { touch(tx); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'tx' of type 'pqxx::transaction<pqxx::serializable>' is shared
  touch(tx);
  t.join();
}

void pqxx_transaction_base_bad(pqxx::transaction_base &tx) {
  std::thread t([&tx] { touch(tx); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'tx' of type 'pqxx::transaction_base' is shared
  touch(tx);
  t.join();
}

void sqlitecpp_transaction_bad(SQLite::Transaction &tx) {
  std::thread t([&tx] { touch(tx); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'tx' of type 'SQLite::Transaction' is shared
  touch(tx);
  t.join();
}

void redis_async_context_bad(redisAsyncContext *ac) {
  std::thread t([ac] { touch(ac); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'ac' of type 'redisAsyncContext *' is shared
  touch(ac);
  t.join();
}

void ssl_st_bad(struct ssl_st *s) {
  std::thread t([s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 's' of type 'ssl_st *' is shared
  touch(s);
  t.join();
}

void ssl_ctx_st_ok(struct ssl_ctx_st *ctx) {
  std::thread t([ctx] { touch(ctx); });
  touch(ctx);
  t.join();
}

void libssh2_session_struct_bad(struct _LIBSSH2_SESSION *s) {
  std::thread t([s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 's' of type '_LIBSSH2_SESSION *' is shared
  touch(s);
  t.join();
}

void libssh2_channel_bad(LIBSSH2_CHANNEL *ch) {
  std::thread t([ch] { touch(ch); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'ch' of type 'LIBSSH2_CHANNEL *' is shared
  touch(ch);
  t.join();
}

void libssh2_channel_struct_bad(struct _LIBSSH2_CHANNEL *ch) {
  std::thread t([ch] { touch(ch); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'ch' of type '_LIBSSH2_CHANNEL *' is shared
  touch(ch);
  t.join();
}

void libssh2_sftp_bad(LIBSSH2_SFTP *sftp) {
  std::thread t([sftp] { touch(sftp); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'sftp' of type 'LIBSSH2_SFTP *' is shared
  touch(sftp);
  t.join();
}

void libssh2_sftp_struct_bad(struct _LIBSSH2_SFTP *sftp) {
  std::thread t([sftp] { touch(sftp); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'sftp' of type '_LIBSSH2_SFTP *' is shared
  touch(sftp);
  t.join();
}

void libssh2_sftp_handle_bad(LIBSSH2_SFTP_HANDLE *h) {
  std::thread t([h] { touch(h); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'h' of type 'LIBSSH2_SFTP_HANDLE *' is shared
  touch(h);
  t.join();
}

void libssh2_sftp_handle_struct_bad(struct _LIBSSH2_SFTP_HANDLE *h) {
  std::thread t([h] { touch(h); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'h' of type '_LIBSSH2_SFTP_HANDLE *' is shared
  touch(h);
  t.join();
}

void asio_ssl_stream_bad(boost::asio::ssl::stream<boost::asio::ip::tcp::socket> &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'boost::asio::ssl::stream<boost::asio::basic_stream_socket<boost::asio::ip::tcp>>' is shared
  touch(s);
  t.join();
}

void beast_ssl_stream_bad(boost::beast::ssl_stream<boost::beast::tcp_stream> &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'boost::beast::ssl_stream<boost::beast::basic_stream<boost::asio::ip::tcp>>' is shared
  touch(s);
  t.join();
}
