#include <future>
#include <mysql/mysql.h>

static void q(MYSQL *m, const char *sql) { mysql_query(m, sql); }

void nightly(MYSQL *m) {
  auto a = std::async(std::launch::async, q, m, "OPTIMIZE TABLE a"); // BUG
  auto b = std::async(std::launch::async, q, m, "OPTIMIZE TABLE b");
  a.get();
  b.get();
}
