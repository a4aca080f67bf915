#include <sqlite3.h>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

class Writer {
public:
  Writer() { sqlite3_open("log.db", &db_); th_ = std::thread([this] { loop(); }); }
  ~Writer() {
    { std::lock_guard<std::mutex> g(m_); stop_ = true; }
    cv_.notify_one();
    th_.join();
    sqlite3_close(db_);
  }
  void submit(std::string sql) {
    { std::lock_guard<std::mutex> g(m_); q_.push_back(std::move(sql)); }
    cv_.notify_one();
  }
private:
  void loop() {
    for (;;) {
      std::unique_lock<std::mutex> lk(m_);
      cv_.wait(lk, [this] { return stop_ || !q_.empty(); });
      if (q_.empty()) return;
      std::string sql = std::move(q_.front());
      q_.pop_front();
      lk.unlock();
      sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    }
  }
  sqlite3 *db_ = nullptr;
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::string> q_;
  bool stop_ = false;
  std::thread th_;
};

int main() {
  Writer w;
  for (int i = 0; i < 5; ++i) w.submit("INSERT INTO log VALUES (" + std::to_string(i) + ")");
}
