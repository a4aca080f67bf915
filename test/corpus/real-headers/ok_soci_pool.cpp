#include <soci/soci.h>
#include <future>
#include <string>
#include <vector>

int main() {
  soci::connection_pool pool(4);
  for (std::size_t i = 0; i != 4; ++i) pool.at(i).open("postgresql", "dbname=x");
  std::vector<std::future<void>> fs;
  for (int i = 0; i < 8; ++i)
    fs.push_back(std::async(std::launch::async, [&pool, i] {
      soci::session sql(pool);
      sql << "INSERT INTO t VALUES(" << i << ")";
    }));
  for (auto &f : fs) f.get();
}
