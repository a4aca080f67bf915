// Poco batch loader, fixed: the progress query waits for the loader.
#include <Poco/Thread.h>
#include <sqlite3.h>

class BatchLoader : public Poco::Runnable {
public:
  explicit BatchLoader(sqlite3 *db) : db_(db) {}
  void run() override {
    sqlite3_exec(db_, "insert into items select * from incoming", nullptr, nullptr, nullptr);
  }

private:
  sqlite3 *db_;
};

void load(sqlite3 *db) {
  BatchLoader loader(db);
  Poco::Thread worker;
  worker.start(loader);
  worker.join();
  sqlite3_exec(db, "select count(*) from items", nullptr, nullptr, nullptr);
}
