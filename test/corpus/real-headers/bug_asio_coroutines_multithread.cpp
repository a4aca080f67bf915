#include <boost/asio.hpp>
#include <pqxx/pqxx>
#include <thread>

namespace asio = boost::asio;

asio::awaitable<void> refresh(pqxx::connection &c, int id) {
  pqxx::work w(c);
  w.exec("UPDATE t SET x = x + 1 WHERE id = " + std::to_string(id));
  w.commit();
  co_return;
}

int main() {
  asio::io_context io;
  pqxx::connection c("dbname=app");
  asio::co_spawn(io, refresh(c, 1), asio::detached); // BUG
  asio::co_spawn(io, refresh(c, 2), asio::detached);
  std::thread extra([&io] { io.run(); });
  io.run();
  extra.join();
}
