// Websocket broadcaster: every chat message is written at once, so two
// messages in quick succession put two writes in flight on one stream.
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <memory>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;

class ChatSession {
public:
  explicit ChatSession(asio::any_io_executor ex) : ws_(ex) {}
  void deliver(const std::string &message) {
    ws_.async_write(asio::buffer(message.c_str(), message.size()), // BUG
                    [](int, unsigned long) {});
  }

private:
  beast::websocket::stream<beast::tcp_stream> ws_;
};

void broadcast(std::vector<ChatSession *> &sessions, const std::string &message) {
  for (ChatSession *s : sessions)
    s->deliver(message);
}
