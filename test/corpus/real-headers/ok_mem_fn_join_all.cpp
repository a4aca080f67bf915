#include <pqxx/pqxx>
#include <algorithm>
#include <functional>
#include <thread>
#include <vector>

int main() {
  pqxx::connection conn("dbname=jobs");
  std::vector<std::thread> ts;
  for (int i = 0; i < 3; ++i)
    ts.emplace_back([i] {
      pqxx::connection own("dbname=jobs");
      pqxx::work tx(own);
      tx.exec("SELECT run_job(" + std::to_string(i) + ")");
      tx.commit();
    });
  std::for_each(ts.begin(), ts.end(), std::mem_fn(&std::thread::join));
  pqxx::work tx(conn);
  tx.exec("UPDATE batches SET done = true");
  tx.commit();
}
