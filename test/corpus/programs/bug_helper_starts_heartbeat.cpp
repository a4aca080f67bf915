// Worker: a helper starts a heartbeat thread with the worker's connection;
// the caller goes on running queries on it.
#include <pqxx/pqxx>
#include <thread>

void start_heartbeat(pqxx::connection &c) {
  std::thread([&c] { // BUG
    pqxx::nontransaction tx(c);
    tx.exec("select 1");
  }).detach();
}

void run_worker() {
  pqxx::connection db("dbname=work");
  start_heartbeat(db); // BUG
  pqxx::work tx(db);
  tx.exec("select * from queue");
  tx.commit();
}
