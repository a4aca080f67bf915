// Uploader: each file upload runs in a tbb::task_group and records its
// status through one session.
#include <soci/soci.h>
#include <tbb/tbb.h>
#include <vector>

void upload_all(soci::session &sql, const std::vector<int> &files) {
  tbb::task_group group;
  for (int file : files)
    group.run([&sql, file] { sql.once("update uploads set done = true"); }); // BUG
  group.wait();
}
