#include <boost/asio.hpp>
#include <pqxx/pqxx>
#include <string>

namespace asio = boost::asio;

asio::awaitable<void> job(std::string dsn, int id) {
  pqxx::connection db(dsn);
  pqxx::work w(db);
  w.exec("SELECT run_job(" + std::to_string(id) + ")");
  w.commit();
  co_return;
}

int main() {
  asio::io_context io;
  for (int i = 0; i < 4; ++i) asio::co_spawn(io, job("dbname=x", i), asio::detached);
  io.run();
}
