// Dashboard, fixed: the refreshes are awaited one after the other.
#include <boost/asio.hpp>
#include <pqxx/pqxx>

namespace asio = boost::asio;

asio::awaitable<void> refresh(pqxx::connection &db, const char *view) {
  pqxx::work tx(db);
  tx.exec("refresh materialized view x");
  tx.commit();
  co_return;
}

asio::awaitable<void> refresh_dashboard(pqxx::connection &db) {
  co_await refresh(db, "users_mv");
  co_await refresh(db, "orders_mv");
  auto ex = co_await asio::this_coro::executor;
  co_await asio::co_spawn(ex, refresh(db, "totals_mv"), asio::use_awaitable);
}
