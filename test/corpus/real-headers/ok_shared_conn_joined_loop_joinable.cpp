#include <libpq-fe.h>
#include <thread>
#include <vector>

int main() {
  PGconn *conn = PQconnectdb("dbname=jobs");
  std::vector<std::thread> ts;
  ts.emplace_back([conn] { PQclear(PQexec(conn, "SELECT 1")); });
  for (auto &t : ts)
    if (t.joinable()) t.join();
  PQclear(PQexec(conn, "SELECT 2"));
  PQfinish(conn);
}
