#include <functional>
#include <pqxx/pqxx>
#include <thread>

void sync_accounts(pqxx::connection &db) {
  std::function<void()> job = [&db] { // BUG
    pqxx::work w(db);
    w.exec("SELECT sync_accounts()");
    w.commit();
  };
  std::thread t(job);
  pqxx::work w(db);
  w.exec("SELECT audit()");
  w.commit();
  t.join();
}
