#include <mysql/mysql.h>
#include <thread>
#include <vector>

static void handle(int id) {
  MYSQL *m = mysql_init(nullptr);
  mysql_real_connect(m, "localhost", "u", "p", "app", 0, nullptr, 0);
  mysql_query(m, "SELECT 1");
  mysql_close(m);
  (void)id;
}

int main() {
  mysql_library_init(0, nullptr, nullptr);
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i) ts.emplace_back(handle, i);
  for (auto &t : ts) t.join();
  mysql_library_end();
}
