// Dashboard: two refresh coroutines spawned side by side on the same
// connection.
#include <boost/asio.hpp>
#include <pqxx/pqxx>

namespace asio = boost::asio;

asio::awaitable<void> refresh_users(pqxx::connection &db) {
  pqxx::work tx(db);
  tx.exec("refresh materialized view users_mv");
  tx.commit();
  co_return;
}
asio::awaitable<void> refresh_orders(pqxx::connection &db) {
  pqxx::work tx(db);
  tx.exec("refresh materialized view orders_mv");
  tx.commit();
  co_return;
}

void refresh_dashboard(asio::io_context &io, pqxx::connection &db) {
  asio::co_spawn(io, refresh_users(db), asio::detached); // BUG
  asio::co_spawn(io, refresh_orders(db), asio::detached); // BUG
}
