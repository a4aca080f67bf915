#pragma once
// Mock of Boost.Beast's streams: tcp_stream (full duplex) and
// websocket::stream (one read, write, ping/pong and close at a time).
#include <boost/asio.hpp>
namespace boost::beast {
class flat_buffer {};
struct unlimited_rate_policy {};
template <class Protocol, class Executor = asio::any_io_executor,
          class RatePolicy = unlimited_rate_policy>
class basic_stream {
public:
  explicit basic_stream(asio::any_io_executor) {}
  template <class Token> asio::result_t<Token> async_read_some(asio::mutable_buffer, Token &&t) { return asio::result_t<Token>(); }
  template <class Token> asio::result_t<Token> async_write_some(asio::const_buffer, Token &&t) { return asio::result_t<Token>(); }
  unsigned long read_some(asio::mutable_buffer) { return 0; }
  unsigned long write_some(asio::const_buffer) { return 0; }
};
using tcp_stream = basic_stream<asio::ip::tcp>;
namespace websocket {
template <class NextLayer, bool deflateSupported = true> class stream {
public:
  explicit stream(asio::any_io_executor) {}
  template <class Token> asio::result_t<Token> async_read(flat_buffer &, Token &&t) { return asio::result_t<Token>(); }
  template <class Token> asio::result_t<Token> async_write(asio::const_buffer, Token &&t) { return asio::result_t<Token>(); }
  template <class Token> asio::result_t<Token> async_ping(const char *, Token &&t) { return asio::result_t<Token>(); }
  template <class Token> asio::result_t<Token> async_close(int, Token &&t) { return asio::result_t<Token>(); }
  template <class Token> asio::result_t<Token> async_accept(Token &&t) { return asio::result_t<Token>(); }
  unsigned long read(flat_buffer &) { return 0; }
  unsigned long write(asio::const_buffer) { return 0; }
  void ping(const char *) {}
  void close(int) {}
};
} // namespace websocket
namespace http {
template <class Stream, class Msg> unsigned long read(Stream &s, flat_buffer &, Msg &) { return 0; }
template <class Stream, class Msg> unsigned long write(Stream &s, Msg &) { return 0; }
template <class Stream, class Msg, class Token>
asio::result_t<Token> async_read(Stream &s, flat_buffer &, Msg &, Token &&t) { return asio::result_t<Token>(); }
template <class Stream, class Msg, class Token>
asio::result_t<Token> async_write(Stream &s, Msg &, Token &&t) { return asio::result_t<Token>(); }
} // namespace http
} // namespace boost::beast
