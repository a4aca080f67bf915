// Job manager: the analysis coroutine hands its connection to a progress
// reporter it starts with co_spawn, then keeps querying (the seed bug).
#include <boost/asio.hpp>
#include <pqxx/pqxx>

namespace asio = boost::asio;

asio::awaitable<void> report_progress(pqxx::connection &db, int job_id) {
  pqxx::work tx(db);
  tx.exec("update jobs set progress = progress + 1");
  tx.commit();
  co_return;
}

asio::awaitable<void> run_analysis_job(int job_id) {
  pqxx::connection db("dbname=coverage");
  auto ex = co_await asio::this_coro::executor;
  asio::co_spawn(ex, report_progress(db, job_id), asio::detached); // BUG
  pqxx::work tx(db);
  tx.exec("select * from files where job_id = 1");
  tx.commit();
}
