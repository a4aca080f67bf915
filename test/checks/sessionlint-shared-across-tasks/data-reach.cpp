// RUN: %check_sessionlint %s -- %mock_flags
// Sessions reached through data, not only names: a handle stored in a
// struct handed to a thread, an object whose field is a session, a
// reference member bound by the constructor, shared_from_this(), and the
// accessors of unique_ptr, shared_ptr, optional and reference_wrapper.
#include <functional>
#include <memory>
#include <optional>
#include <pqxx/pqxx>
#include <pthread.h>
#include <sqlite3.h>
#include <thread>

// --- a struct of arguments handed to a pthread by pointer -------------------
struct Args {
  sqlite3 *db;
  int rows;
};

void *import_rows(void *p) {
  Args *args = static_cast<Args *>(p);
  sqlite3_exec(args->db, "insert into t values (1)", nullptr, nullptr, nullptr);
  return nullptr;
}

void *count_rows(void *p) {
  auto *args = (Args *)p;
  ++args->rows;
  return nullptr;
}

void pthread_struct_of_handles_bad(sqlite3 *db) {
  Args args{db, 0};
  pthread_t tid;
  pthread_create(&tid, nullptr, import_rows, &args);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: session 'args' of type 'Args' is shared with a task started by 'pthread_create' while this function keeps using it [sessionlint-shared-across-tasks]
  sqlite3_exec(db, "analyze", nullptr, nullptr, nullptr);
  pthread_join(tid, nullptr);
}

void pthread_struct_counter_only_ok(sqlite3 *db) {
  Args args{db, 0};
  pthread_t tid;
  pthread_create(&tid, nullptr, count_rows, &args);
  sqlite3_exec(db, "analyze", nullptr, nullptr, nullptr);
  pthread_join(tid, nullptr);
}

// The same struct copied into a std::thread: the copy's pointer still
// points at the one connection.
void thread_struct_copy_bad(sqlite3 *db) {
  Args args{db, 0};
  std::thread t([args] { sqlite3_exec(args.db, "vacuum", nullptr, nullptr, nullptr); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'args' of type 'Args' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  sqlite3_exec(db, "analyze", nullptr, nullptr, nullptr);
  t.join();
}

// --- an object captured by reference whose field is the session -------------
struct Job {
  pqxx::connection conn;
  int progress = 0;
};

void field_of_captured_object_bad() {
  Job job;
  std::thread t([&job] { pqxx::work tx(job.conn); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'job' of type 'Job' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  job.conn.close();
  t.join();
}

void other_field_of_captured_object_ok() {
  Job job;
  std::thread t([&job] { ++job.progress; });
  job.conn.close();
  t.join();
}

// --- a reference member bound by the constructor ----------------------------
class Reporter {
public:
  explicit Reporter(pqxx::connection &c) : conn_(c) {}
  void start_detached_bad() {
    std::thread([this] { pqxx::work tx(conn_); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: session 'conn_' of type 'pqxx::connection' is shared with a detached task started by 'std::thread' while the caller keeps using it [sessionlint-shared-across-tasks]
  }

private:
  pqxx::connection &conn_;
};

// The object built on a local connection and handed to a thread: the
// member is that connection.
struct Exporter {
  explicit Exporter(pqxx::connection &c) : c(c) {}
  void operator()() { pqxx::work tx(c); }
  pqxx::connection &c;
};

void function_object_with_reference_member_bad() {
  pqxx::connection db;
  std::thread t{Exporter(db)};
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'c' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  db.close();
  t.join();
}

void function_object_own_connection_ok() {
  pqxx::connection db;
  pqxx::connection other;
  std::thread t{Exporter(other)};
  db.close();
  t.join();
}

// --- shared_from_this(): a `self` kept alive by the task is `this` ---------
class Session : public std::enable_shared_from_this<Session> {
public:
  void start_bad() {
    auto self = shared_from_this();
    std::thread([self] { self->flush(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'self' of type 'std::shared_ptr<Session>' is shared with a detached task started by 'std::thread' while the caller keeps using it [sessionlint-shared-across-tasks]
  }
  void flush() { db_.close(); }
  bool healthy() { return db_.is_open(); }

private:
  pqxx::connection db_;
};

// --- smart pointer and wrapper accessors name the same session --------------
void unique_ptr_get_bad() {
  auto db = std::make_unique<pqxx::connection>();
  pqxx::connection *raw = db.get();
  std::thread t([raw] { raw->close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'raw' of type 'pqxx::connection *' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  (*db).is_open();
  t.join();
}

void shared_ptr_copy_bad() {
  auto db = std::make_shared<pqxx::connection>();
  std::shared_ptr<pqxx::connection> other = db;
  std::thread t([other] { other->close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'other' of type 'std::shared_ptr<pqxx::connection>' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  db.get()->is_open();
  t.join();
}

void optional_value_bad() {
  std::optional<pqxx::connection> db;
  std::thread t([&db] { db.value().close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'std::optional<pqxx::connection>' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  db->is_open();
  t.join();
}

void reference_wrapper_get_bad() {
  pqxx::connection db;
  std::reference_wrapper<pqxx::connection> ref(db);
  std::thread t([ref] { ref.get().close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'ref' of type 'std::reference_wrapper<pqxx::connection>' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  db.is_open();
  t.join();
}

void two_unique_ptrs_ok() {
  auto a = std::make_unique<pqxx::connection>();
  auto b = std::make_unique<pqxx::connection>();
  std::thread t([&a] { a->close(); });
  b->is_open();
  t.join();
}
