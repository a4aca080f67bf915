#include <future>
#include <pqxx/pqxx>

static void step(pqxx::connection &db, int i) {
  pqxx::work w(db);
  w.exec("SELECT step(" + std::to_string(i) + ")");
  w.commit();
}

int main() {
  pqxx::connection db("dbname=x");
  for (int i = 0; i < 5; ++i) {
    auto f = std::async(std::launch::async, step, std::ref(db), i);
  }
  pqxx::work w(db);
  w.commit();
}
