#include <soci/soci.h>
#include <string>
#include <thread>
#include <vector>

soci::session g_sql;

void import_one(std::string file) { g_sql << "COPY t FROM '" << file << "'"; }

int main() {
  g_sql.open("postgresql", "dbname=x");
  std::vector<std::thread> ts;
  for (const char *f : {"a.csv", "b.csv"}) ts.emplace_back(import_one, f); // BUG
  for (auto &t : ts) t.join();
}
