#include <pqxx/pqxx>
#include <thread>

static void warm(pqxx::connection &c) {
  pqxx::nontransaction n(c);
  n.exec("SELECT * FROM cache_warm()");
}

int main() {
  pqxx::connection c("dbname=x");
  std::thread t(warm, std::ref(c));
  t.join();
  pqxx::work w(c);
  w.exec("SELECT 1");
  w.commit();
}
