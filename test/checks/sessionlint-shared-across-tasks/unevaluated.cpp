// RUN: %check_sessionlint %s -- %mock_flags
// An operand that is never evaluated starts no task: noexcept, sizeof and
// decltype ask about a thread's construction without running it (issue
// 15.10). The same construction evaluated is a finding. (A requires-
// expression is skipped the same way; clang 22 rejects a lambda in one that
// names a local of the enclosing function, so it has no case here.)
#include <future>
#include <pqxx/pqxx>
#include <thread>

void noexcept_thread_ok(pqxx::connection &db) {
  constexpr bool Nothrow = noexcept(std::thread([&db] { db.close(); }));
  static_assert(!Nothrow || Nothrow);
  db.is_open();
}

void sizeof_thread_ok(pqxx::connection &db) {
  static_assert(sizeof(std::thread([&db] { db.close(); })) > 0);
  db.is_open();
}

void decltype_async_ok(pqxx::connection &db) {
  using Future = decltype(std::async(std::launch::async, [&db] { db.close(); }));
  Future *Unused = nullptr;
  (void)Unused;
  db.is_open();
}

// A noexcept-specifier on the declaration is unevaluated too.
void declared_ok(pqxx::connection &db) noexcept(noexcept(std::thread([&db] { db.close(); }))) {
  db.is_open();
}

// Evaluated beside an unevaluated twin: the real one is reported, once.
void evaluated_bad(pqxx::connection &db) {
  static_assert(noexcept(std::thread([&db] { db.close(); })) || true);
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  db.is_open();
  t.join();
}
