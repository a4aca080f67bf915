// How a.cpp and b.cpp wait for their task; cache.test edits it.
#include <pqxx/pqxx>
#include <thread>
#define FINISH(t) t.join()
inline void work(pqxx::connection &c) {
  pqxx::nontransaction tx(c);
  tx.exec("SELECT 1");
}
