// Migration runner: the schema check runs in a thread on the migration's
// own transaction while the migration continues.
#include <pqxx/pqxx>
#include <thread>

void migrate(pqxx::connection &db) {
  pqxx::work tx(db);
  std::thread checker([&tx] { tx.exec("select * from schema_version"); }); // BUG
  tx.exec("alter table users add column email text");
  checker.join();
  tx.commit();
}
