#include "work_queues.h"
#include <pqxx/pqxx>
void many(const std::string &dsn) {
  Pool p(4);
  for (int i = 0; i < 10; ++i)
    p.submit([dsn, i] { pqxx::connection c(dsn); pqxx::work t(c); t.exec("SELECT " + std::to_string(i)); t.commit(); });
}
