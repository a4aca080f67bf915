// Lazy statistics: the deferred task runs inside get(), on this thread.
#include <future>
#include <pqxx/pqxx>

int stats(pqxx::connection &db) {
  auto lazy = std::async(std::launch::deferred, [&db] {
    pqxx::work tx(db);
    return tx.exec("select count(*) from events").size();
  });
  pqxx::work tx(db);
  tx.exec("insert into events values (1)");
  tx.commit();
  return lazy.get();
}
