// Thumbnailer, fixed: each task opens the database itself.
#include <future>
#include <SQLiteCpp/SQLiteCpp.h>
#include <vector>

void make_thumbnails(int images) {
  std::vector<std::future<void>> pending;
  for (int i = 0; i < images; ++i) {
    auto f = std::async(std::launch::async, [i] {
      SQLite::Database db("thumbs.db");
      db.exec("insert into thumbs values (1)");
    });
    pending.push_back(std::move(f));
  }
  for (auto &f : pending)
    f.get();
}
