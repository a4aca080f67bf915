#include "work_queues.h"
#include <pqxx/pqxx>
void record(pqxx::connection &db, SerialWorker &w) {
  w.post([&db] { pqxx::work t(db); t.exec("INSERT INTO x VALUES (1)"); t.commit(); }); // BUG
  pqxx::work t(db);
  t.exec("SELECT 1");
}
