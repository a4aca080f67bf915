#include <boost/asio.hpp>
#include <pqxx/pqxx>
#include <string>

namespace asio = boost::asio;

class Recorder {
public:
  explicit Recorder(asio::io_context &io) : strand_(asio::make_strand(io)), db_("dbname=rec") {}
  void record(std::string what) {
    asio::post(strand_, [this, what] {
      pqxx::work w(db_);
      w.exec("INSERT INTO events VALUES (" + w.quote(what) + ")");
      w.commit();
    });
  }

private:
  asio::strand<asio::io_context::executor_type> strand_;
  pqxx::connection db_;
};

int main() {
  asio::io_context io;
  Recorder r(io);
  std::thread t1([&] { for (int i = 0; i < 10; ++i) r.record("a"); });
  std::thread t2([&] { for (int i = 0; i < 10; ++i) r.record("b"); });
  std::thread runner([&] { io.run(); });
  io.run();
  t1.join(); t2.join(); runner.join();
}
