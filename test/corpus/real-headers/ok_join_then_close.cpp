#include <mutex>
#include <mysql/mysql.h>
#include <thread>
#include <vector>

int main() {
  MYSQL *m = mysql_init(nullptr);
  mysql_real_connect(m, "localhost", "u", "p", "db", 0, nullptr, 0);
  std::mutex mu;
  std::vector<std::thread> ts;
  for (int i = 0; i < 3; ++i)
    ts.emplace_back([m, &mu] {
      std::lock_guard<std::mutex> lk(mu);
      mysql_query(m, "INSERT INTO t VALUES (1)");
    });
  for (auto &t : ts) t.join();
  mysql_query(m, "SELECT COUNT(*) FROM t");
  mysql_close(m);
}
