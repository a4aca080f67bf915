#include "work_queues.h"
#include <pqxx/pqxx>
void wire(pqxx::connection &db) {
  EventBus bus;
  bus.on([&db] { pqxx::work t(db); t.exec("SELECT 1"); t.commit(); });
  bus.on([&db] { pqxx::work t(db); t.exec("SELECT 2"); t.commit(); });
  bus.emit();
  pqxx::work t(db);
}
