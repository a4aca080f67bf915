// Telemetry socket writer: an in-flight flag the completion handler
// clears keeps one write outstanding; later samples wait in a buffer.
#include <boost/asio.hpp>
#include <string>
#include <vector>

namespace asio = boost::asio;

class TelemetryWriter {
public:
  explicit TelemetryWriter(asio::any_io_executor ex) : socket_(ex) {}
  void push(const std::string &sample) {
    backlog_.push_back(sample);
    if (in_flight_)
      return;
    in_flight_ = true;
    asio::async_write(socket_, asio::buffer(sample.c_str(), sample.size()),
                      [this](int, unsigned long) { in_flight_ = false; });
  }

private:
  asio::ip::tcp_socket socket_;
  std::vector<std::string> backlog_;
  bool in_flight_ = false;
};
