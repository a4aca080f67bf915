// RUN: %check_sessionlint %s -- %mock_flags -isystem %S/../Inputs/scope-sys
// The command line narrows the matchers' traversal to the top-level
// declarations outside system headers (SessionLintCheck::matchUserCodeOnly);
// clang-tidy and clangd do not. User code in every place a top-level
// declaration can put it is still analysed, by all three front ends alike:
// a system header's namespace reopened, a specialization of its template,
// an extern "C++" block, a system macro expanded here.
#include <pqxx/pqxx>
#include <spawnmacro.h>
#include <thread>

struct Report {};

namespace sys {
void in_reopened_namespace_bad() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  db.close();
  t.join();
}

template <> struct traits<Report> {
  static void specialization_bad() {
    pqxx::connection db;
    std::thread t([&db] { db.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
    db.close();
    t.join();
  }
};
} // namespace sys

extern "C++" {
void in_linkage_block_bad() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
  db.close();
  t.join();
}
}

void through_system_macro_bad() {
  pqxx::connection db;
  std::thread t = SYS_START({ db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
  db.close();
  t.join();
}

void joined_through_system_macro_ok() {
  pqxx::connection db;
  std::thread t = SYS_START({ db.close(); });
  t.join();
  db.close();
}

// The task starts inside the system header's template: code in system
// headers is never analysed, narrowed or not.
void started_in_system_template_ok() {
  pqxx::connection db;
  sys::run_twice([&db] { db.close(); });
}
