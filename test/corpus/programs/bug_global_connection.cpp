// Legacy service: a global connection used by a detached flusher and by the
// request path.
#include <pqxx/pqxx>
#include <thread>

pqxx::connection g_db("dbname=legacy");

void flush_counters() {
  pqxx::work tx(g_db);
  tx.exec("update counters set n = n + 1");
  tx.commit();
}

void start_flusher() {
  std::thread([] { flush_counters(); g_db.is_open(); }).detach(); // BUG
}
