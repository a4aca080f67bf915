// RUN: %check_sessionlint --check-options="{sessionlint-shared-across-tasks.SessionTypes: 'acme::DbHandle;acme::.*Session', sessionlint-shared-across-tasks.SafeTypes: 'soci::session'}" %s -- %mock_flags
// SessionTypes adds the user's own types (exact names and regular
// expressions), SafeTypes silences a catalog type, NOLINT silences a line.
#include <pqxx/pqxx>
#include <soci/soci.h>
#include <thread>

namespace acme {
class DbHandle {
public:
  void query() {}
};
class ReportingSession {
public:
  void query() {}
};
class Cache {
public:
  void get() {}
};
} // namespace acme

void user_type_by_name_bad() {
  acme::DbHandle h;
  std::thread t([&h] { h.query(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'h' of type 'acme::DbHandle' is shared with a task started by 'std::thread'
  h.query();
  t.join();
}

void user_type_by_regex_bad() {
  acme::ReportingSession s;
  std::thread t([&s] { s.query(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'acme::ReportingSession' is shared with a task started by 'std::thread'
  s.query();
  t.join();
}

void unlisted_type_ok() {
  acme::Cache c;
  std::thread t([&c] { c.get(); });
  c.get();
  t.join();
}

// The user declared soci::session safe (say, guarded inside their wrapper).
void safe_types_overrides_catalog_ok() {
  soci::session sql;
  std::thread t([&sql] { sql.commit(); });
  sql.commit();
  t.join();
}

void nolint_ok() {
  pqxx::connection db;
  std::thread t([&db] { db.close(); }); // NOLINT(sessionlint-shared-across-tasks)
  db.close();
  t.join();
}

void nolintnextline_ok() {
  pqxx::connection db;
  // NOLINTNEXTLINE(sessionlint-shared-across-tasks)
  std::thread t([&db] { db.close(); });
  db.close();
  t.join();
}
