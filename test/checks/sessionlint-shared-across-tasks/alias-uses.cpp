// RUN: %check_sessionlint %s -- %mock_flags
// SPEC section 2: a reference, a pointer, a shared_ptr or handle copy of a
// session, and an object built on it (a transaction on a connection, a
// statement on a database), are the same session. A use through any of
// them while the task runs is a concurrent use.
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <SQLiteCpp/SQLiteCpp.h>
#include <soci/soci.h>
#include <thread>

void reference_alias_used_after_spawn_bad() {
  pqxx::connection db;
  pqxx::connection &alias = db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  alias.close();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'db' used here while the task may still be running
  t.join();
}

void alias_captured_original_used_bad() {
  pqxx::connection db;
  pqxx::connection &c = db;
  std::thread t([&c] { c.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'c' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  db.close();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'c' used here while the task may still be running
  t.join();
}

void pointer_alias_used_after_spawn_bad() {
  pqxx::connection db;
  auto *p = &db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  p->close();
  t.join();
}

void pointer_assigned_later_bad() {
  pqxx::connection db;
  pqxx::connection *p = nullptr;
  p = &db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  p->close();
  t.join();
}

void shared_ptr_copy_alias_bad() {
  auto a = std::make_shared<pqxx::connection>();
  auto b = a;
  std::thread t([a] { a->close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'a' of type 'std::shared_ptr<pqxx::connection>' is shared with a task started by 'std::thread'
  b->close();
  t.join();
}

void transaction_used_while_task_uses_connection_bad() {
  pqxx::connection db;
  pqxx::work tx(db);
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  tx.exec("select 1");
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'db' used here while the task may still be running
  t.join();
}

void task_uses_transaction_function_uses_connection_bad() {
  pqxx::connection db;
  pqxx::nontransaction tx(db);
  std::thread t([&tx] { tx.exec("select 1"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'tx' of type 'pqxx::nontransaction' is shared with a task started by 'std::thread'
  db.close();
  t.join();
}

void statement_on_database_bad() {
  SQLite::Database db("app.db");
  SQLite::Statement query(db, "select 1");
  std::thread t([&db] { db.exec("vacuum"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'SQLite::Database' is shared with a task started by 'std::thread'
  query.executeStep();
  t.join();
}

void one_finding_for_two_names_bad() {
  pqxx::connection db;
  pqxx::connection &c = db;
  std::thread t([&db, &c] { db.close(); c.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  db.close();
  t.join();
}

void alias_of_another_session_ok() {
  pqxx::connection db, other;
  pqxx::connection &c = other;
  std::thread t([&db] { db.close(); });
  c.close();
  t.join();
}

void alias_used_after_join_ok() {
  pqxx::connection db;
  pqxx::connection &alias = db;
  std::thread t([&db] { db.close(); });
  t.join();
  alias.close();
}

void transaction_on_another_connection_ok() {
  pqxx::connection db, other;
  pqxx::work tx(other);
  std::thread t([&db] { db.close(); });
  tx.exec("select 1");
  t.join();
}

void result_is_not_a_session_ok() {
  pqxx::connection db;
  pqxx::work tx(db);
  pqxx::result r = tx.exec("select 1");
  tx.commit();
  std::thread t([&r] { r.size(); });
  r.size();
  t.join();
}

void sessions_leased_from_one_pool_ok(soci::connection_pool &pool) {
  soci::session &a = pool.at(0);
  std::thread t([&a] { a.once("select 1"); });
  soci::session &b = pool.at(1);
  b.once("select 2");
  t.join();
}

class Repo {
public:
  void member_alias_bad() {
    pqxx::connection &c = db_;
    std::thread t([this] { db_.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'std::thread'
    c.close();
    t.join();
  }

private:
  pqxx::connection db_;
};

// A global pointer the spawning function points at its own connection: a
// thread function that goes through the global reaches that connection,
// and the function's own unlocked use of it races with the locked one.
namespace globals {
pqxx::connection *current;
std::mutex current_mu;

void flush() {
  std::lock_guard<std::mutex> lk(current_mu);
  current->close();
}

void global_pointer_to_local_bad() {
  pqxx::connection db;
  current = &db;
  std::thread t(flush);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'current' of type 'pqxx::connection *' is shared with a task started by 'std::thread' while this function keeps using it
  db.close();
  t.join();
}

void global_pointer_to_local_locked_ok() {
  pqxx::connection db;
  current = &db;
  std::thread t([] { flush(); });
  {
    std::lock_guard<std::mutex> lk(current_mu);
    db.close();
  }
  t.join();
}

// Pointed at a connection of its own: the function's `db` is another one.
void global_pointer_to_new_connection_ok() {
  current = new pqxx::connection;
  std::thread t(flush);
  pqxx::connection db;
  db.close();
  t.join();
}
} // namespace globals
