#include <boost/asio.hpp>
#include <chrono>
#include <pqxx/pqxx>
#include <string>

namespace asio = boost::asio;

class JobManager {
public:
  JobManager(asio::io_context &io, std::string dsn) : io_(io), dsn_(std::move(dsn)) {}
  void submit(int job_id) { asio::co_spawn(io_, run_job(job_id), asio::detached); }

private:
  asio::awaitable<void> simulate_progress_updates(pqxx::connection &db, int job_id) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    for (int pct = 0; pct <= 100; pct += 10) {
      pqxx::work tx(db);
      tx.exec_params("UPDATE jobs SET progress = $1 WHERE id = $2", pct, job_id);
      tx.commit();
      timer.expires_after(std::chrono::seconds(1));
      co_await timer.async_wait(asio::use_awaitable);
    }
  }
  asio::awaitable<void> run_job(int job_id) {
    pqxx::connection db(dsn_);
    auto ex = co_await asio::this_coro::executor;
    asio::co_spawn(ex, simulate_progress_updates(db, job_id), asio::detached); // BUG
    for (int step = 0; step < 10; ++step) {
      pqxx::work tx(db);
      tx.exec_params("INSERT INTO results(job, step) VALUES ($1, $2)", job_id, step);
      tx.commit();
      asio::steady_timer t(ex, std::chrono::milliseconds(50));
      co_await t.async_wait(asio::use_awaitable);
    }
  }
  asio::io_context &io_;
  std::string dsn_;
};

int main() {
  asio::io_context io;
  JobManager jm(io, "dbname=jobs");
  jm.submit(1);
  io.run();
}
