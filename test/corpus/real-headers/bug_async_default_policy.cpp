#include <future>
#include <pqxx/pqxx>

int main() {
  pqxx::connection db("dbname=x");
  auto f = std::async([&db] { // BUG
    pqxx::work w(db);
    w.exec("SELECT pg_sleep(1)");
    w.commit();
  });
  pqxx::work w(db);
  w.exec("SELECT 2");
  w.commit();
  f.get();
}
