// ETL step: tbb::parallel_for over partitions, each loading into the same
// SOCI session.
#include <soci/soci.h>
#include <tbb/tbb.h>

void load_partitions(soci::session &sql, int partitions) {
  tbb::parallel_for(0, partitions, [&sql](int p) { // BUG
    sql.once("insert into facts select * from staging");
  });
}
