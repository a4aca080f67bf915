#include <latch>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

int main() {
  pqxx::connection db("dbname=x");
  std::latch ready(1);
  std::thread t([&db, &ready] {
    ready.wait();
    pqxx::work w(db);
    w.commit();
  });
  {
    pqxx::work w(db);
    w.exec("CREATE TEMP TABLE x(i int)");
    w.commit();
  }
  ready.count_down();
  t.join();
}
