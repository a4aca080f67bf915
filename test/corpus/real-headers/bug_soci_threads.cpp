#include <soci/soci.h>
#include <thread>
#include <vector>

int main() {
  soci::session sql("postgresql", "dbname=x");
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&sql, i] { sql << "INSERT INTO t VALUES(" << i << ")"; }); // BUG
  for (auto &t : ts) t.join();
}
