// A hand-written thread pool; two jobs share one connection.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <pqxx/pqxx>
#include <queue>
#include <string>
#include <thread>
#include <vector>

class ThreadPool {
public:
  explicit ThreadPool(std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
      workers_.emplace_back([this] { loop(); });
  }
  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto &w : workers_) w.join();
  }
  void enqueue(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      jobs_.push(std::move(job));
    }
    cv_.notify_one();
  }

private:
  void loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lk(mu_);
        cv_.wait(lk, [this] { return stop_ || !jobs_.empty(); });
        if (stop_ && jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop();
      }
      job();
    }
  }
  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> jobs_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
};

void import_tables(const std::vector<std::string> &tables) {
  pqxx::connection conn("dbname=warehouse");
  ThreadPool pool(4);
  for (const auto &t : tables) {
    pool.enqueue([&conn, t] { // BUG
      pqxx::work w(conn);
      w.exec("ANALYZE " + t);
      w.commit();
    });
  }
}
