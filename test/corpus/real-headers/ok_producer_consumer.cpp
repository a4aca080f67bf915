#include <condition_variable>
#include <mutex>
#include <pqxx/pqxx>
#include <queue>
#include <string>
#include <thread>

class Writer {
public:
  Writer() : worker_([this] { drain(); }) {}
  ~Writer() {
    { std::lock_guard<std::mutex> lk(mu_); done_ = true; }
    cv_.notify_one();
    worker_.join();
  }
  void submit(std::string row) {
    { std::lock_guard<std::mutex> lk(mu_); q_.push(std::move(row)); }
    cv_.notify_one();
  }

private:
  void drain() {
    pqxx::connection db("dbname=w");
    std::unique_lock<std::mutex> lk(mu_);
    for (;;) {
      cv_.wait(lk, [this] { return done_ || !q_.empty(); });
      if (q_.empty()) return;
      std::string row = std::move(q_.front());
      q_.pop();
      lk.unlock();
      pqxx::work w(db);
      w.exec("INSERT INTO t VALUES (" + w.quote(row) + ")");
      w.commit();
      lk.lock();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::queue<std::string> q_;
  bool done_ = false;
  std::thread worker_;
};

int main() {
  Writer w;
  for (int i = 0; i < 100; ++i) w.submit(std::to_string(i));
}
