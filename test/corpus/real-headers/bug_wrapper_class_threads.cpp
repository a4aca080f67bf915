#include <sqlite3.h>
#include <string>
#include <thread>

class Database {
public:
  explicit Database(const char *path) { sqlite3_open(path, &db_); }
  ~Database() { sqlite3_close(db_); }
  void exec(const std::string &sql) { sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr); }
private:
  sqlite3 *db_ = nullptr;
};

int main() {
  Database db("app.db");
  std::thread a([&db] { db.exec("INSERT INTO t VALUES (1)"); }); // BUG
  std::thread b([&db] { db.exec("INSERT INTO t VALUES (2)"); });
  a.join();
  b.join();
}
