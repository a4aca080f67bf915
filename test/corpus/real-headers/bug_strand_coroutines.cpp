#include <boost/asio.hpp>
#include <pqxx/pqxx>

namespace asio = boost::asio;

asio::awaitable<void> step(pqxx::connection &db, int n) {
  for (int i = 0; i < n; ++i) {
    pqxx::work w(db);
    w.exec("SELECT 1");
    asio::steady_timer t(co_await asio::this_coro::executor, std::chrono::milliseconds(5));
    co_await t.async_wait(asio::use_awaitable);
    w.commit();
  }
}

int main() {
  asio::io_context io;
  auto strand = asio::make_strand(io);
  pqxx::connection db("dbname=x");
  asio::co_spawn(strand, step(db, 10), asio::detached); // BUG
  asio::co_spawn(strand, step(db, 10), asio::detached);
  io.run();
}
