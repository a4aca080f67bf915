#include "work_queues.h"
#include <pqxx/pqxx>
void once(pqxx::connection &db) {
  {
    Pool p(4);
    p.submit([&db] { pqxx::work t(db); t.exec("VACUUM"); t.commit(); });
  }
  pqxx::work t(db);
  t.exec("ANALYZE");
  t.commit();
}
