#include <tbb/parallel_for.h>
#include <tbb/blocked_range.h>
#include <soci/soci.h>
#include <string>

int main() {
  soci::session control("postgresql", "dbname=geo");
  control << "TRUNCATE tiles";
  tbb::parallel_for(tbb::blocked_range<int>(0, 64), [](const tbb::blocked_range<int> &r) {
    soci::session s("postgresql", "dbname=geo");
    for (int z = r.begin(); z != r.end(); ++z)
      s << "INSERT INTO tiles SELECT render(" << z << ")";
  });
  control << "ANALYZE tiles";
}
