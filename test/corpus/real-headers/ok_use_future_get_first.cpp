#include <boost/asio.hpp>
#include <pqxx/pqxx>

namespace asio = boost::asio;

asio::awaitable<int> count(pqxx::connection &db) {
  pqxx::nontransaction n(db);
  co_return n.exec1("SELECT count(*) FROM t")[0].as<int>();
}

int main() {
  asio::io_context io;
  pqxx::connection db("dbname=x");
  auto f = asio::co_spawn(io, count(db), asio::use_future);
  std::thread runner([&io] { io.run(); });
  int n = f.get();
  pqxx::work w(db);
  w.exec("INSERT INTO counts VALUES (" + std::to_string(n) + ")");
  w.commit();
  runner.join();
}
