// RUN: %check_sessionlint %s -- %mock_flags
// SPEC section 3: boost::thread like std::thread; P2300 start_detached
// runs a sender's work without a join, so a session its lambdas reach
// escapes (and a later use races).
#include <boost/thread.hpp>
#include <execution>
#include <pqxx/pqxx>
#include <stdexec/execution.hpp>

void boost_thread_bad() {
  pqxx::connection db;
  boost::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'boost::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  db.is_open();
  t.join();
}

void boost_thread_joined_ok() {
  pqxx::connection db;
  boost::thread t([&db] { db.close(); });
  t.join();
  db.is_open();
}

void start_detached_then_use_bad() {
  pqxx::connection db;
  stdexec::start_detached(stdexec::just() | stdexec::then([&db] { db.close(); }));
  // CHECK-MESSAGES: :[[@LINE-1]]:61: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'stdexec::start_detached' while this function keeps using it
  db.is_open();
}

void start_detached_own_session_ok() {
  stdexec::start_detached(stdexec::just() | stdexec::then([] {
    pqxx::connection own;
    own.close();
  }));
}

void start_detached_parameter_bad(pqxx::connection &db) {
  exec::start_detached(stdexec::just() | stdexec::then([&db] { db.close(); }));
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'exec::start_detached' while the caller keeps using it
}

void async_scope_spawn_bad(exec::async_scope &scope) {
  pqxx::connection db;
  scope.spawn(stdexec::just() | stdexec::then([&db] { db.close(); }));
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'exec::async_scope::spawn' while this function keeps using it
  db.is_open();
}

void std_execution_spawn_bad(exec::async_scope &scope) {
  pqxx::connection db;
  std::execution::spawn(stdexec::just() | stdexec::then([&db] { db.close(); }), scope);
  // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::execution::spawn' while this function keeps using it
  db.is_open();
}
