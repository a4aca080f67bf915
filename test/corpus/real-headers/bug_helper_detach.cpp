#include <pqxx/pqxx>
#include <thread>

void start_cleanup(pqxx::connection &c) {
  std::thread([&c] { // BUG
    pqxx::nontransaction n(c);
    n.exec("DELETE FROM tmp");
  }).detach();
}

int main() {
  pqxx::connection c("dbname=x");
  start_cleanup(c); // BUG
  pqxx::work w(c);
  w.exec("INSERT INTO tmp VALUES (1)");
  w.commit();
}
