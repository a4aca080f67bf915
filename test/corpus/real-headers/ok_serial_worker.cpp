#include "work_queues.h"
#include <pqxx/pqxx>
void record_all(pqxx::connection &db) {
  SerialWorker w;
  for (int i = 0; i < 10; ++i)
    w.post([&db, i] { pqxx::work t(db); t.exec("INSERT INTO x VALUES (" + std::to_string(i) + ")"); t.commit(); });
}
