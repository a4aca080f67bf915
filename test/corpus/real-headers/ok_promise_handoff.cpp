#include <future>
#include <pqxx/pqxx>
#include <thread>

int main() {
  pqxx::connection db("dbname=x");
  {
    pqxx::work w(db);
    w.exec("CREATE TEMP TABLE q(x int)");
    w.commit();
  }
  std::thread t([&db] {
    pqxx::work w(db);
    w.exec("INSERT INTO q VALUES (1)");
    w.commit();
  });
  t.join();
  pqxx::work w(db);
  w.exec("SELECT * FROM q");
}
