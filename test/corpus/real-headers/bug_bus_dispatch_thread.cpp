#include <functional>
#include <mutex>
#include <pqxx/pqxx>
#include <thread>
#include <vector>
#include <atomic>

class Ticker {
public:
  Ticker() : thread_([this] { loop(); }) {}
  ~Ticker() { stop_ = true; thread_.join(); }
  void every_tick(std::function<void()> cb) {
    std::lock_guard<std::mutex> lk(mu_);
    callbacks_.push_back(std::move(cb));
  }
private:
  void loop() {
    while (!stop_) {
      std::vector<std::function<void()>> cbs;
      { std::lock_guard<std::mutex> lk(mu_); cbs = callbacks_; }
      for (auto &cb : cbs) cb();
    }
  }
  std::mutex mu_;
  std::vector<std::function<void()>> callbacks_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

int main() {
  pqxx::connection db("dbname=x");
  Ticker ticker;
  ticker.every_tick([&db] { pqxx::nontransaction n(db); n.exec("SELECT tick()"); }); // BUG
  for (int i = 0; i < 10; ++i) {
    pqxx::work w(db);
    w.exec("INSERT INTO t VALUES (1)");
    w.commit();
  }
}
