// RUN: %check_sessionlint %s -- %mock_flags
// std::jthread joins at the end of its scope.
#include <pqxx/pqxx>
#include <thread>

void use_inside_scope_bad() {
  pqxx::connection db;
  std::jthread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::jthread' while this function keeps using it [sessionlint-shared-across-tasks]
  // CHECK-NOTES: :[[@LINE-2]]:16: note: task started here
  pqxx::work tx(db);
  // CHECK-NOTES: :[[@LINE-1]]:17: note: 'db' used here while the task may still be running
}

void use_after_scope_ok() {
  pqxx::connection db;
  {
    std::jthread t([&db] { db.close(); });
  }
  pqxx::work tx(db);
}

void explicit_join_ok() {
  pqxx::connection db;
  std::jthread t([&db] { db.close(); });
  t.join();
  pqxx::work tx(db);
}

// request_stop() asks the task to finish; it does not wait for it.
void request_stop_is_not_a_join_bad() {
  pqxx::connection db;
  std::jthread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::jthread'
  t.request_stop();
  db.close();
}
