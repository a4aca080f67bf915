#include <SQLiteCpp/SQLiteCpp.h>
#include <chrono>
#include <thread>

class Journal {
public:
  Journal() : db_("journal.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {}
  void start() {
    compactor_ = std::jthread([this](std::stop_token st) {
      while (!st.stop_requested()) {
        db_.exec("DELETE FROM j WHERE old = 1");
        std::this_thread::sleep_for(std::chrono::seconds(5));
      }
    });
  }
  void append(int v) { db_.exec("INSERT INTO j VALUES(" + std::to_string(v) + ", 0)"); }

private:
  SQLite::Database db_;
  std::jthread compactor_;
};

int main() {
  Journal j;
  j.start(); // BUG
  for (int i = 0; i < 10; ++i) j.append(i);
}
