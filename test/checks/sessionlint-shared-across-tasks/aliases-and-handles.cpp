// RUN: %check_sessionlint %s -- %mock_flags
// How a task can reach a session besides a by-reference capture: pointers,
// shared_ptr copies, opaque C handles, std::ref / &x arguments, init-captures.
#include <functional>
#include <libpq-fe.h>
#include <memory>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <thread>
#include <utility>

void pointer_copy_capture_bad(pqxx::connection *db) {
  std::thread t([db] { db->close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'pqxx::connection *' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  db->close();
  t.join();
}

void shared_ptr_copy_bad() {
  auto db = std::make_shared<pqxx::connection>();
  std::thread t([db] { db->close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'std::shared_ptr<pqxx::connection>' is shared with a task started by 'std::thread'
  db->close();
  t.join();
}

void unique_ptr_moved_ok() {
  auto db = std::make_unique<pqxx::connection>();
  std::thread t([c = std::move(db)] { c->close(); });
  t.join();
}

void pgconn_handle_copy_bad() {
  PGconn *conn = PQconnectdb("dbname=x");
  std::thread t([conn] { PQexec(conn, "select 1"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'conn' of type 'PGconn *' is shared with a task started by 'std::thread'
  PQexec(conn, "select 2");
  t.join();
}

void pgconn_joined_ok() {
  PGconn *conn = PQconnectdb("dbname=x");
  std::thread t([conn] { PQexec(conn, "select 1"); });
  t.join();
  PQexec(conn, "select 2");
  PQfinish(conn);
}

void pgconn_opened_in_task_ok() {
  PGconn *conn = PQconnectdb("dbname=x");
  std::thread t([] {
    PGconn *own = PQconnectdb("dbname=x");
    PQexec(own, "select 1");
    PQfinish(own);
  });
  PQexec(conn, "select 2");
  t.join();
}

void sqlite_handle_argument_bad(sqlite3 *db) {
  std::thread t([](sqlite3 *h) { sqlite3_exec(h, "select 1", nullptr, nullptr, nullptr); }, db);
  // CHECK-MESSAGES: :[[@LINE-1]]:93: warning: session 'db' of type 'sqlite3 *' is shared with a task started by 'std::thread'
  sqlite3_exec(db, "select 2", nullptr, nullptr, nullptr);
  t.join();
}

void worker(pqxx::connection &c);
void worker_ptr(pqxx::connection *c);

void std_ref_argument_bad() {
  pqxx::connection db;
  std::thread t(worker, std::ref(db));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  db.close();
  t.join();
}

void address_argument_bad() {
  pqxx::connection db;
  std::thread t(worker_ptr, &db);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  db.close();
  t.join();
}

void std_ref_joined_ok() {
  pqxx::connection db;
  std::thread t(worker, std::ref(db));
  t.join();
  db.close();
}

void moved_argument_ok() {
  pqxx::connection db;
  std::thread t([](pqxx::connection c) { c.close(); }, std::move(db));
  t.join();
}

void init_capture_reference_bad() {
  pqxx::connection db;
  std::thread t([&c = db] { c.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  db.close();
  t.join();
}

void init_capture_pointer_bad() {
  pqxx::connection db;
  std::thread t([p = &db] { p->close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  db.close();
  t.join();
}

// A session reached through a reference parameter of the spawning function.
void reference_parameter_bad(pqxx::connection &db) {
  std::thread t([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread'
  db.close();
  t.join();
}

// A handle kept in a data member of a struct the function is handed: joined
// through the member.
struct Job {
  std::thread worker;
  pqxx::connection db;
};

void member_handle_joined_ok(Job &job) {
  job.worker = std::thread([&job] { pqxx::work w(job.db); });
  job.worker.join();
  pqxx::work w(job.db);
}

void member_handle_used_before_join_bad(Job &job) {
  job.worker = std::thread([&job] { pqxx::work w(job.db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: session 'job' of type 'Job' is shared with a task started by 'std::thread' while this function keeps using it
  pqxx::work w(job.db);
  job.worker.join();
}

void member_handle_other_member_joined_bad(Job &job, Job &other) {
  job.worker = std::thread([&job] { pqxx::work w(job.db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: session 'job' of type 'Job' is shared with a task started by 'std::thread' while this function keeps using it
  other.worker.join();
  pqxx::work w(job.db);
  job.worker.join();
}
