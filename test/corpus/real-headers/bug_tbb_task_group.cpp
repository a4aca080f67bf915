#include <pqxx/pqxx>
#include <tbb/task_group.h>

void refresh(pqxx::connection &c) {
  tbb::task_group g;
  g.run([&c] { pqxx::work w(c); w.exec("REFRESH MATERIALIZED VIEW a"); w.commit(); }); // BUG
  g.run([&c] { pqxx::work w(c); w.exec("REFRESH MATERIALIZED VIEW b"); w.commit(); });
  g.wait();
}
