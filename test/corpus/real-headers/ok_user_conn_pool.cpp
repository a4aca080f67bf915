#include <condition_variable>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

class ConnectionPool {
public:
  ConnectionPool(const std::string &dsn, int n) {
    for (int i = 0; i < n; ++i) free_.push_back(std::make_unique<pqxx::connection>(dsn));
  }
  std::unique_ptr<pqxx::connection> acquire() {
    std::unique_lock<std::mutex> lk(mu_);
    cv_.wait(lk, [this] { return !free_.empty(); });
    auto c = std::move(free_.back());
    free_.pop_back();
    return c;
  }
  void release(std::unique_ptr<pqxx::connection> c) {
    {
      std::lock_guard<std::mutex> lk(mu_);
      free_.push_back(std::move(c));
    }
    cv_.notify_one();
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<pqxx::connection>> free_;
};

int main() {
  ConnectionPool pool("dbname=app", 4);
  std::vector<std::thread> ts;
  for (int i = 0; i < 8; ++i)
    ts.emplace_back([&pool, i] {
      auto c = pool.acquire();
      {
        pqxx::work w(*c);
        w.exec("INSERT INTO t VALUES (" + std::to_string(i) + ")");
        w.commit();
      }
      pool.release(std::move(c));
    });
  for (auto &t : ts) t.join();
}
