// Poller: the task is a named lambda handed to std::thread; the poller
// commits on the same connection meanwhile.
#include <pqxx/pqxx>
#include <thread>

void poll_once() {
  pqxx::connection db("dbname=poll");
  auto fetch = [&db] { // BUG
    pqxx::work tx(db);
    tx.exec("select * from inbox");
  };
  std::thread t(fetch);
  pqxx::work tx(db);
  tx.exec("update inbox set polled = now()");
  tx.commit();
  t.join();
}
