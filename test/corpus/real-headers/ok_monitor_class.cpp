#include <mutex>
#include <sqlite3.h>
#include <string>
#include <thread>
#include <vector>

class Store {
public:
  explicit Store(const char *path) { sqlite3_open(path, &db_); }
  ~Store() { sqlite3_close(db_); }
  void put(const std::string &k, const std::string &v) {
    std::lock_guard<std::mutex> guard(mu_);
    std::string sql = "INSERT INTO kv VALUES('" + k + "','" + v + "')";
    sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }
  int count() {
    std::lock_guard<std::mutex> guard(mu_);
    int n = 0;
    sqlite3_exec(db_, "SELECT count(*) FROM kv", [](void *p, int, char **v, char **) {
      *static_cast<int *>(p) = atoi(v[0]);
      return 0;
    }, &n, nullptr);
    return n;
  }

private:
  std::mutex mu_;
  sqlite3 *db_ = nullptr;
};

int main() {
  Store store("kv.db");
  std::vector<std::thread> ts;
  for (int i = 0; i < 8; ++i)
    ts.emplace_back([&store, i] { store.put(std::to_string(i), "v"); });
  store.count();
  for (auto &t : ts) t.join();
}
