// Job manager, fixed: the progress reporter opens its own connection.
#include <boost/asio.hpp>
#include <pqxx/pqxx>

namespace asio = boost::asio;

asio::awaitable<void> report_progress(int job_id) {
  pqxx::connection db("dbname=coverage");
  pqxx::work tx(db);
  tx.exec("update jobs set progress = progress + 1");
  tx.commit();
  co_return;
}

asio::awaitable<void> run_analysis_job(int job_id) {
  pqxx::connection db("dbname=coverage");
  auto ex = co_await asio::this_coro::executor;
  asio::co_spawn(ex, report_progress(job_id), asio::detached);
  pqxx::work tx(db);
  tx.exec("select * from files where job_id = 1");
  tx.commit();
}
