// RUN: %check_sessionlint %s -- %mock_flags
// Factories: a function that returns a reference, pointer or shared handle
// to a session kept in a static or global cache hands the same session to
// every caller; one that opens a new session per call does not.
#include <memory>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <thread>
#include <vector>

std::shared_ptr<pqxx::connection> connectDb() {
  static std::shared_ptr<pqxx::connection> cached;
  if (cached.get() == nullptr)
    cached = std::make_shared<pqxx::connection>();
  return cached;
}

std::shared_ptr<pqxx::connection> openDb() {
  return std::make_shared<pqxx::connection>();
}

void cached_connection_bad() {
  std::thread a([] { pqxx::work w(*connectDb()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: session 'cached' of type 'std::shared_ptr<pqxx::connection>' is shared by overlapping tasks started by 'std::thread' and 'std::thread' [sessionlint-shared-across-tasks]
  std::thread b([] { pqxx::work w(*connectDb()); });
  a.join();
  b.join();
}

void connection_per_call_ok() {
  std::thread a([] { pqxx::work w(*openDb()); });
  std::thread b([] { pqxx::work w(*openDb()); });
  a.join();
  b.join();
}

// A registry of handles: every caller of the same slot gets one handle.
sqlite3 *handles[4];
sqlite3 *handleFor(int shard) { return handles[shard]; }

void registry_bad() {
  std::thread t([] { sqlite3_exec(handleFor(0), "insert", nullptr, nullptr, nullptr); });
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: session 'handles' of type 'sqlite3 *[4]' is shared with a task started by 'std::thread' while this function keeps using it
  sqlite3_exec(handleFor(0), "select", nullptr, nullptr, nullptr);
  t.join();
}

// The accessor of a singleton: one connection wherever it is called.
class Database {
public:
  static Database &instance() {
    static Database db;
    return db;
  }
  pqxx::connection &connection() { return conn_; }

private:
  pqxx::connection conn_;
};

void singleton_bad() {
  std::thread t([] { pqxx::work w(Database::instance().connection()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: session 'conn_' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
  pqxx::work w(Database::instance().connection());
  t.join();
}

void singleton_joined_ok() {
  std::thread t([] { pqxx::work w(Database::instance().connection()); });
  t.join();
  pqxx::work w(Database::instance().connection());
}
