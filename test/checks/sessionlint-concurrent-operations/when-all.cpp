// RUN: %check_sessionlint %s -- %mock_flags
// when_all / collectAll run their coroutines or senders at once: two that
// each use one connection have two operations on it in flight together.
// Mocks follow the declarations of cppcoro, folly::coro and stdexec.
#include <boost/mysql.hpp>
#include <cppcoro/task.hpp>
#include <folly/experimental/coro/Collect.h>
#include <pqxx/pqxx>
#include <stdexec/execution.hpp>

namespace mysql = boost::mysql;

folly::coro::Task<> load_users(pqxx::connection &c) {
  pqxx::work tx(c);
  co_return;
}
folly::coro::Task<> load_orders(pqxx::connection &c) {
  pqxx::work tx(c);
  co_return;
}

folly::coro::Task<> collect_all_one_connection_bad(pqxx::connection &db) {
  co_await folly::coro::collectAll(load_users(db), load_orders(db));
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: operation 'load_orders' on session 'db' of type 'pqxx::connection' runs at the same time as 'load_users' under 'collectAll' [sessionlint-concurrent-operations]
}

folly::coro::Task<> collect_all_own_connections_ok(pqxx::connection &a,
                                                   pqxx::connection &b) {
  co_await folly::coro::collectAll(load_users(a), load_orders(b));
}

folly::coro::Task<> one_after_the_other_ok(pqxx::connection &db) {
  co_await load_users(db);
  co_await load_orders(db);
}

void stdexec_when_all_bad(pqxx::connection &db) {
  auto users = stdexec::just() | stdexec::then([&db] { pqxx::work tx(db); });
  stdexec::sync_wait(stdexec::when_all(
      stdexec::just() | stdexec::then([&db] { pqxx::nontransaction tx(db); }),
      stdexec::just() | stdexec::then([&db] { pqxx::work tx(db); })));
  // CHECK-MESSAGES: :[[@LINE-1]]:61: warning: operation 'lambda' on session 'db' of type 'pqxx::connection' runs at the same time as 'lambda' under 'when_all'
}

void stdexec_when_all_own_connections_ok(pqxx::connection &a, pqxx::connection &b) {
  stdexec::sync_wait(stdexec::when_all(
      stdexec::just() | stdexec::then([&a] { pqxx::work tx(a); }),
      stdexec::just() | stdexec::then([&b] { pqxx::work tx(b); })));
}

cppcoro::task<> query(mysql::any_connection &c);

cppcoro::task<> cppcoro_when_all_two_connections_ok(mysql::any_connection &a,
                                                    mysql::any_connection &b) {
  co_await cppcoro::when_all(query(a), query(b));
}

// blockingWait runs the coroutine to completion on this thread: sequential.
void blocking_wait_ok(pqxx::connection &db) {
  folly::coro::blockingWait(load_users(db));
  pqxx::work tx(db);
}
