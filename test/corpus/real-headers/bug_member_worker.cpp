#include <atomic>
#include <sqlite3.h>
#include <string>
#include <thread>

class MetricsStore {
public:
  explicit MetricsStore(const char *path) { sqlite3_open(path, &db_); }
  ~MetricsStore() {
    running_ = false;
    if (flusher_.joinable()) flusher_.join();
    sqlite3_close(db_);
  }
  void start() { flusher_ = std::thread(&MetricsStore::flushLoop, this); }
  void record(const std::string &name, double v) {
    std::string sql = "INSERT INTO m VALUES('" + name + "'," + std::to_string(v) + ")";
    sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }

private:
  void flushLoop() {
    while (running_) {
      sqlite3_exec(db_, "DELETE FROM m WHERE ts < now()", nullptr, nullptr, nullptr);
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }
  sqlite3 *db_ = nullptr;
  std::atomic<bool> running_{true};
  std::thread flusher_;
};

int main() {
  MetricsStore store("/tmp/m.db");
  store.start(); // BUG
  for (int i = 0; i < 100; ++i) store.record("x", i);
}
