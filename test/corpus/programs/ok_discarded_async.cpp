// Cleanup: a discarded std::async future blocks at the end of the
// statement, so the cleanup is over before the next query.
#include <future>
#include <pqxx/pqxx>

void cleanup_and_continue(pqxx::connection &db) {
  std::async(std::launch::async, [&db] {
    pqxx::work tx(db);
    tx.exec("delete from tmp");
    tx.commit();
  });
  pqxx::work tx(db);
  tx.exec("select count(*) from tmp");
  tx.commit();
}
