// The line-protocol session done right: it reads a chunk, writes the
// status line, and reads the next chunk only when the write completes;
// an idle timer closes the socket, it starts no operation on it.
#include <boost/asio.hpp>
#include <functional>

namespace asio = boost::asio;

class LineSession {
public:
  explicit LineSession(asio::any_io_executor ex) : socket_(ex), idle_(ex) {}
  void start() {
    read_chunk();
    watch_idle();
  }

private:
  void read_chunk() {
    socket_.async_read_some(asio::buffer(chunk_, sizeof chunk_),
                            std::bind(&LineSession::on_chunk, this, 0, 0));
  }

  void on_chunk(int ec, unsigned long n) {
    if (ec)
      return;
    bytes_ += n;
    asio::async_write(socket_, asio::buffer("+OK\r\n", 5),
                      [this](int ec, unsigned long) {
                        if (!ec)
                          read_chunk();
                      });
  }

  void watch_idle() {
    idle_.expires_after(300);
    idle_.async_wait([this](int ec) {
      if (ec)
        return;
      socket_.close();
    });
  }

  asio::ip::tcp_socket socket_;
  asio::steady_timer idle_;
  char chunk_[512];
  unsigned long bytes_ = 0;
};
