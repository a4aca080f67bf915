#include <mutex>
#include <sqlite3.h>
#include <string>
#include <thread>
#include <vector>

class Database {
public:
  static Database &instance() {
    static Database db;
    return db;
  }
  void exec(const std::string &sql) {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite3_exec(handle_, sql.c_str(), nullptr, nullptr, nullptr);
  }

private:
  Database() { sqlite3_open("app.db", &handle_); }
  std::mutex mutex_;
  sqlite3 *handle_ = nullptr;
};

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([i] { Database::instance().exec("INSERT INTO t VALUES(" + std::to_string(i) + ")"); });
  Database::instance().exec("SELECT 1");
  for (auto &t : threads) t.join();
}
