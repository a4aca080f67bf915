// Job manager: each job coroutine and its progress reporter open their own connections.
#include <boost/asio.hpp>
#include <chrono>
#include <iostream>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <unordered_map>

namespace asio = boost::asio;

class JobManager {
public:
  JobManager(asio::io_context &io, std::string dsn) : io_(io), dsn_(std::move(dsn)) {}

  void submit(int job_id) {
    asio::co_spawn(io_, run_job(job_id), asio::detached);
  }

private:
  asio::awaitable<void> report_progress(int job_id, std::shared_ptr<bool> done) {
    pqxx::connection db(dsn_);
    asio::steady_timer timer(co_await asio::this_coro::executor);
    while (!*done) {
      {
        pqxx::work tx(db);
        tx.exec_params("UPDATE jobs SET heartbeat = now() WHERE id = $1", job_id);
        tx.commit();
      }
      timer.expires_after(std::chrono::seconds(2));
      co_await timer.async_wait(asio::use_awaitable);
    }
  }

  asio::awaitable<void> run_job(int job_id) {
    auto done = std::make_shared<bool>(false);
    asio::co_spawn(io_, report_progress(job_id, done), asio::detached);
    pqxx::connection db(dsn_);
    for (int step = 0; step < 10; ++step) {
      pqxx::work tx(db);
      tx.exec_params("INSERT INTO results(job, step) VALUES ($1, $2)", job_id, step);
      tx.commit();
      asio::steady_timer t(io_, std::chrono::milliseconds(50));
      co_await t.async_wait(asio::use_awaitable);
    }
    *done = true;
  }

  asio::io_context &io_;
  std::string dsn_;
};

int main() {
  asio::io_context io;
  JobManager jm(io, "dbname=jobs");
  for (int i = 0; i < 3; ++i) jm.submit(i);
  io.run();
}
