// CoverageIQ job manager, fixed: every concurrently running task opens its
// own session, as SQLAlchemy's "one AsyncSession per task" rule says. The
// progress task gets the connection string, not the job's connection.
// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>

#include <boost/asio.hpp>
#include <pqxx/pqxx>

#include <chrono>
#include <iostream>
#include <string>

namespace asio = boost::asio;
using namespace std::chrono_literals;

class JobManager {
public:
  explicit JobManager(std::string dsn) : dsn_(std::move(dsn)) {}

  asio::awaitable<void> run_analysis_job(int job_id) {
    pqxx::connection db(dsn_);
    auto ex = co_await asio::this_coro::executor;
    asio::co_spawn(ex, simulate_progress_updates(dsn_, job_id), asio::detached);

    pqxx::work tx(db);
    tx.exec0("UPDATE jobs SET state = 'running' WHERE id = " + tx.quote(job_id));
    asio::steady_timer analysis(ex, 2s); // the coverage analysis itself
    co_await analysis.async_wait(asio::use_awaitable);
    tx.exec0("UPDATE jobs SET state = 'done' WHERE id = " + tx.quote(job_id));
    tx.commit();
  }

private:
  static asio::awaitable<void> simulate_progress_updates(std::string dsn,
                                                         int job_id) {
    pqxx::connection progress_db(dsn); // this task's own session
    asio::steady_timer tick(co_await asio::this_coro::executor);
    for (int percent = 0; percent <= 100; percent += 10) {
      pqxx::work tx(progress_db);
      tx.exec0("UPDATE jobs SET progress = " + tx.quote(percent) +
               " WHERE id = " + tx.quote(job_id));
      tx.commit();
      tick.expires_after(200ms);
      co_await tick.async_wait(asio::use_awaitable);
    }
  }

  std::string dsn_;
};

int main(int argc, char **argv) {
  asio::io_context io;
  JobManager jobs(argc > 1 ? argv[1] : "dbname=coverageiq");
  asio::co_spawn(io, jobs.run_analysis_job(42), [](std::exception_ptr e) {
    if (e)
      std::cerr << "job failed\n";
  });
  io.run();
}
