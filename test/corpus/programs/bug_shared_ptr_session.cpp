// Session registry: the connection lives in a shared_ptr, copied into the
// background cleanup task, while the owner keeps using it.
#include <memory>
#include <pqxx/pqxx>
#include <thread>

class Registry {
public:
  Registry() : db_(std::make_shared<pqxx::connection>("dbname=reg")) {}

  void cleanup_in_background() {
    auto db = db_;
    std::thread([db] { // BUG
      pqxx::work tx(*db);
      tx.exec("delete from sessions where expired");
      tx.commit();
    }).detach();
  }

  void touch() {
    pqxx::work tx(*db_);
    tx.exec("update sessions set seen = now()");
    tx.commit();
  }

private:
  std::shared_ptr<pqxx::connection> db_;
};
