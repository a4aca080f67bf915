// ETL step: every partition leases its own session from the pool.
#include <soci/soci.h>
#include <tbb/tbb.h>

void load_partitions(soci::connection_pool &pool, int partitions) {
  tbb::parallel_for(0, partitions, [&pool](int p) {
    soci::session &sql = pool.at(p);
    sql.once("insert into facts select * from staging");
  });
}
