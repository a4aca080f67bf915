// RUN: %check_sessionlint %s -- %mock_flags
// Which objects are sessions: the catalog (pqxx transactions, SOCI,
// SQLiteCpp), classes holding a session by value, pools that are safe, and
// immutable results that are not sessions at all.
#include <SQLiteCpp/SQLiteCpp.h>
#include <pqxx/pqxx>
#include <soci/soci.h>
#include <thread>

void pqxx_work_bad(pqxx::connection &c) {
  pqxx::work tx(c);
  std::thread t([&tx] { tx.exec("select 1"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'tx' of type 'pqxx::work' is shared with a task started by 'std::thread'
  tx.commit();
  t.join();
}

void pqxx_nontransaction_bad(pqxx::connection &c) {
  pqxx::nontransaction tx(c);
  std::thread t([&tx] { tx.exec("select 1"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'tx' of type 'pqxx::nontransaction' is shared with a task started by 'std::thread'
  tx.exec("select 2");
  t.join();
}

// pqxx::result is immutable and shareable.
void pqxx_result_ok(pqxx::connection &c) {
  pqxx::work tx(c);
  pqxx::result r = tx.exec("select 1");
  std::thread t([&r] { (void)r.size(); });
  (void)r.size();
  t.join();
}

void soci_session_bad() {
  soci::session sql("postgresql://");
  std::thread t([&sql] { sql.once("select 1"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'sql' of type 'soci::session' is shared with a task started by 'std::thread'
  sql.commit();
  t.join();
}

// soci::connection_pool is made for sharing.
void soci_pool_ok() {
  soci::connection_pool pool(4);
  std::thread t([&pool] { pool.give_back(pool.lease()); });
  pool.give_back(pool.lease());
  t.join();
}

void sqlitecpp_database_bad() {
  SQLite::Database db("jobs.db");
  std::thread t([&db] { db.exec("select 1"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'SQLite::Database' is shared with a task started by 'std::thread'
  db.exec("select 2");
  t.join();
}

// SPEC 2.3: a class holding a session by value is a session, transitively.
struct Repository {
  pqxx::connection conn;
  int saves = 0;
  void save() { pqxx::work tx(conn); }
  void count() { ++saves; }
};
struct JobService {
  Repository repo;
  void run() { repo.save(); }
  void tick() { repo.count(); }
};

// The holder is a session where what it holds is used: here through two
// calls.
void holder_class_bad() {
  JobService svc;
  std::thread t([&svc] { svc.run(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'svc' of type 'JobService' is shared with a task started by 'std::thread'
  svc.run();
  t.join();
}

// The task touches only a counter of the holder, not its connection.
void holder_other_field_ok() {
  JobService svc;
  std::thread t([&svc] { svc.tick(); });
  svc.run();
  t.join();
}

struct Config {
  int retries = 3;
};

void plain_class_ok() {
  Config cfg;
  std::thread t([&cfg] { (void)cfg.retries; });
  (void)cfg.retries;
  t.join();
}
