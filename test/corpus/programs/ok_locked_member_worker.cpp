// Session store: the expiry thread and the request path both go through
// member functions that lock the same mutex before using the connection.
#include <mutex>
#include <pqxx/pqxx>
#include <thread>

class SessionStore {
public:
  void start_expiry() {
    expiry_ = std::thread([this] {
      std::lock_guard<std::mutex> lock(mu_);
      expire();
    });
  }
  void touch(int id) {
    std::lock_guard<std::mutex> lock(mu_);
    pqxx::work tx(db_);
    tx.exec("update sessions set seen = now()");
    tx.commit();
  }
  void stop() { expiry_.join(); }

private:
  void expire() {
    pqxx::work tx(db_);
    tx.exec("delete from sessions where expired");
    tx.commit();
  }
  std::mutex mu_;
  pqxx::connection db_;
  std::thread expiry_;
};
