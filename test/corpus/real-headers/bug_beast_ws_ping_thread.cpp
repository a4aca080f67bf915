#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <string>
#include <thread>

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

int main() {
  boost::asio::io_context ioc;
  websocket::stream<tcp::socket> ws(ioc);
  tcp::resolver resolver(ioc);
  boost::asio::connect(ws.next_layer(), resolver.resolve("localhost", "8080"));
  ws.handshake("localhost", "/");
  std::thread keepalive([&ws] { // BUG
    for (;;) {
      ws.ping({});
      std::this_thread::sleep_for(std::chrono::seconds(30));
    }
  });
  for (int i = 0; i < 100; ++i) ws.write(boost::asio::buffer(std::to_string(i)));
  keepalive.join();
}
