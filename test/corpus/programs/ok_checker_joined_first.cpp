// Migration runner, fixed: the schema check finishes before the migration
// goes on.
#include <pqxx/pqxx>
#include <thread>

void migrate(pqxx::connection &db) {
  pqxx::work tx(db);
  std::thread checker([&tx] { tx.exec("select * from schema_version"); });
  checker.join();
  tx.exec("alter table users add column email text");
  tx.commit();
}
