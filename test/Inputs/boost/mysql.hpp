#pragma once
// Mock of Boost.MySQL (not in Debian's Boost 1.74), following the real
// declarations: connections with async_* operations taking a completion
// token, and a thread-safe pool.
#include <boost/asio.hpp>
namespace boost::mysql {
class results {};
class any_connection {
public:
  explicit any_connection(boost::asio::any_io_executor) {}
  template <class Token> asio::result_t<Token> async_connect(const char *, Token &&t) { return asio::result_t<Token>(); }
  template <class Token> asio::result_t<Token> async_execute(const char *q, results &r, Token &&t) { return asio::result_t<Token>(); }
  template <class Token> asio::result_t<Token> async_close(Token &&t) { return asio::result_t<Token>(); }
};
template <class Stream> class connection {
public:
  template <class Token> asio::result_t<Token> async_execute(const char *q, results &r, Token &&t) { return asio::result_t<Token>(); }
};
using tcp_connection = connection<asio::basic_stream_socket<asio::ip::tcp>>;
struct ssl_stream_of_tcp {};
struct unix_socket {};
using tcp_ssl_connection = connection<ssl_stream_of_tcp>;
using unix_connection = connection<unix_socket>;
class pooled_connection {
public:
  any_connection *operator->() { return nullptr; }
  any_connection &get() { return *static_cast<any_connection *>(nullptr); }
};
class connection_pool {
public:
  template <class Token> asio::result_t<Token> async_get_connection(Token &&t) { return asio::result_t<Token>(); }
};
} // namespace boost::mysql
