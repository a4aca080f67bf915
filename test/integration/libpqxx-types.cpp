// RUN: %check_sessionlint %s -- %real_flags
// Real headers: every libpqxx 6.4 type of the catalog that is built on a
// connection (SPEC section 6: they share its world), each handed to a task
// while the function keeps using it. pqxx::result is immutable: shareable.
#include <pqxx/pqxx>
#include <pqxx/pipeline>
#include <pqxx/robusttransaction>
#include <pqxx/stream_from>
#include <pqxx/stream_to>
#include <pqxx/subtransaction>
#include <thread>

template <class T> void touch(T &);

void connection_base_bad(pqxx::connection_base &c) {
  std::thread t([&c] { touch(c); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'c' of type 'pqxx::connection_base' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(c);
  t.join();
}

void dbtransaction_bad(pqxx::dbtransaction &tx) {
  std::thread t([&tx] { touch(tx); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'tx' of type 'pqxx::dbtransaction' is shared
  touch(tx);
  t.join();
}

void read_transaction_bad(pqxx::read_transaction &tx) {
  std::thread t([&tx] { touch(tx); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'tx' of type 'pqxx::read_transaction' is shared
  touch(tx);
  t.join();
}

void subtransaction_bad(pqxx::subtransaction &tx) {
  std::thread t([&tx] { touch(tx); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'tx' of type 'pqxx::subtransaction' is shared
  touch(tx);
  t.join();
}

void robusttransaction_bad(pqxx::robusttransaction<> &tx) {
  std::thread t([&tx] { touch(tx); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'tx' of type 'pqxx::robusttransaction<>' is shared
  touch(tx);
  t.join();
}

void pipeline_bad(pqxx::pipeline &p) {
  std::thread t([&p] { touch(p); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'p' of type 'pqxx::pipeline' is shared
  touch(p);
  t.join();
}

void stream_from_bad(pqxx::stream_from &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'pqxx::stream_from' is shared
  touch(s);
  t.join();
}

void stream_to_bad(pqxx::stream_to &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'pqxx::stream_to' is shared
  touch(s);
  t.join();
}

void stateless_cursor_bad(pqxx::stateless_cursor<pqxx::cursor_base::read_only, pqxx::cursor_base::owned> &c) {
  std::thread t([&c] { touch(c); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'c' of type 'pqxx::stateless_cursor<pqxx::cursor_base::read_only, pqxx::cursor_base::owned>' is shared
  touch(c);
  t.join();
}

void icursorstream_bad(pqxx::icursorstream &c) {
  std::thread t([&c] { touch(c); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'c' of type 'pqxx::icursorstream' is shared
  touch(c);
  t.join();
}

void result_is_shareable_ok(pqxx::result &r) {
  std::thread t([&r] { touch(r); });
  touch(r);
  t.join();
}
