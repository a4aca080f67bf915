// Websocket broadcaster with the write queue: a write starts only when
// none is in flight; the completion handler starts the next.
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <deque>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;

class ChatSession {
public:
  explicit ChatSession(asio::any_io_executor ex) : ws_(ex) {}
  void deliver(const std::string &message) {
    queue_.push_back(message);
    if (queue_.size() > 1)
      return;
    write_front();
  }

private:
  void write_front() {
    ws_.async_write(asio::buffer(queue_.front().c_str(), queue_.front().size()),
                    [this](int, unsigned long) {
                      queue_.pop_front();
                      if (!queue_.empty())
                        write_front();
                    });
  }
  beast::websocket::stream<beast::tcp_stream> ws_;
  std::deque<std::string> queue_;
};

void broadcast(std::vector<ChatSession *> &sessions, const std::string &message) {
  for (ChatSession *s : sessions)
    s->deliver(message);
}
