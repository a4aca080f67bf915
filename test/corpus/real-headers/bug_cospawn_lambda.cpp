#include <boost/asio.hpp>
#include <pqxx/pqxx>

namespace asio = boost::asio;

asio::awaitable<void> serve(pqxx::connection &db) {
  auto ex = co_await asio::this_coro::executor;
  asio::co_spawn(
      ex,
      [&db]() -> asio::awaitable<void> { // BUG
        asio::steady_timer t(co_await asio::this_coro::executor);
        for (;;) {
          t.expires_after(std::chrono::seconds(5));
          co_await t.async_wait(asio::use_awaitable);
          pqxx::nontransaction n(db);
          n.exec("UPDATE heartbeat SET at = now()");
        }
      },
      asio::detached);
  for (;;) {
    pqxx::work w(db);
    w.exec("INSERT INTO requests DEFAULT VALUES");
    w.commit();
    asio::steady_timer t(ex, std::chrono::milliseconds(10));
    co_await t.async_wait(asio::use_awaitable);
  }
}
