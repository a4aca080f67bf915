// Uploader, fixed: uploads run in parallel without the database; the
// statuses are written after the group is waited for.
#include <soci/soci.h>
#include <tbb/tbb.h>
#include <vector>

void upload(int file) {}

void upload_all(soci::session &sql, const std::vector<int> &files) {
  tbb::task_group group;
  for (int file : files)
    group.run([file] { upload(file); });
  group.wait();
  sql.once("update uploads set done = true");
}
