#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

static pqxx::connection &conn() {
  thread_local pqxx::connection c("dbname=app");
  return c;
}

static void work(int id) {
  pqxx::work w(conn());
  w.exec("INSERT INTO log VALUES (" + std::to_string(id) + ")");
  w.commit();
}

int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i) ts.emplace_back(work, i);
  work(99);
  for (auto &t : ts) t.join();
}
