// Session cleaner: the task gets the connection through a pointer while the
// caller keeps using it by name.
#include <pqxx/pqxx>
#include <thread>

void clean_and_report() {
  pqxx::connection db("dbname=app");
  pqxx::connection *handle = &db;
  std::thread cleaner([handle] { // BUG
    pqxx::work tx(*handle);
    tx.exec("delete from tmp");
    tx.commit();
  });
  pqxx::work tx(db);
  tx.exec("select count(*) from tmp");
  tx.commit();
  cleaner.join();
}
