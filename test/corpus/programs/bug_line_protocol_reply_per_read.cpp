// A line-protocol server session: every chunk read is answered with a
// status line and the session goes straight back to reading. The replies
// are never waited for: under load a second write starts on the socket
// while the first is still in flight, and the bytes interleave.
#include <boost/asio.hpp>
#include <functional>

namespace asio = boost::asio;

class LineSession {
public:
  explicit LineSession(asio::any_io_executor ex) : socket_(ex) {}
  void start() { read_chunk(); }

private:
  void read_chunk() {
    socket_.async_read_some(asio::buffer(chunk_, sizeof chunk_),
                            std::bind(&LineSession::on_chunk, this, 0, 0));
  }

  void on_chunk(int ec, unsigned long n) {
    if (ec)
      return;
    bytes_ += n;
    asio::async_write(socket_, asio::buffer("+OK\r\n", 5), [](int, unsigned long) {}); // BUG
    read_chunk();
  }

  asio::ip::tcp_socket socket_;
  char chunk_[512];
  unsigned long bytes_ = 0;
};
