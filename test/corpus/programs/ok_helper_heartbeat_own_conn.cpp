// Worker: the heartbeat helper opens its own connection; the caller keeps
// its own.
#include <pqxx/pqxx>
#include <string>
#include <thread>

void start_heartbeat(std::string dsn) {
  std::thread([dsn] {
    pqxx::connection c(dsn.c_str());
    pqxx::nontransaction tx(c);
    tx.exec("select 1");
  }).detach();
}

void run_worker() {
  pqxx::connection db("dbname=work");
  start_heartbeat("dbname=work");
  pqxx::work tx(db);
  tx.exec("select * from queue");
  tx.commit();
}
