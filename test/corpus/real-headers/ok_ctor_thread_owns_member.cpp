#include <atomic>
#include <sqlite3.h>
#include <thread>

class Flusher {
public:
  Flusher() : thread_([this] { run(); }) {}
  ~Flusher() { stop_ = true; thread_.join(); }
private:
  void run() {
    sqlite3_open("f.db", &db_);
    while (!stop_) sqlite3_exec(db_, "PRAGMA wal_checkpoint", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
  }
  sqlite3 *db_ = nullptr;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

int main() { Flusher f; }
