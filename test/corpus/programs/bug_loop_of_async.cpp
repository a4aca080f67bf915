// Thumbnailer: one std::async per image, futures kept in a vector; every
// task records its result through the same database.
#include <future>
#include <SQLiteCpp/SQLiteCpp.h>
#include <vector>

void make_thumbnails(SQLite::Database &db, int images) {
  std::vector<std::future<void>> pending;
  for (int i = 0; i < images; ++i) {
    auto f = std::async(std::launch::async, [&db, i] { // BUG
      db.exec("insert into thumbs values (1)");
    });
    pending.push_back(std::move(f));
  }
  for (auto &f : pending)
    f.get();
}
