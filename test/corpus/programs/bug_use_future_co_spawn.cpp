// Scheduler: the reconciliation coroutine is started with use_future; the
// scheduler queries before waiting for it.
#include <boost/asio.hpp>
#include <pqxx/pqxx>

namespace asio = boost::asio;

asio::awaitable<void> reconcile(pqxx::connection &db) {
  pqxx::work tx(db);
  tx.exec("update accounts set balance = 0");
  tx.commit();
  co_return;
}

void schedule(asio::io_context &io) {
  pqxx::connection db("dbname=ledger");
  auto done = asio::co_spawn(io, reconcile(db), asio::use_future); // BUG
  pqxx::work tx(db);
  tx.exec("select * from accounts");
  tx.commit();
  done.get();
}
