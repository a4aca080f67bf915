// RUN: %check_sessionlint --check-options="{sessionlint-shared-across-tasks.SpawnFunctions: 'acme::ThreadPool::submit;acme::run_later', sessionlint-shared-across-tasks.JoinFunctions: 'acme::ThreadPool::drain'}" %s -- %mock_flags -I %S/../../../include
// SPEC section 3 spawn APIs beyond the standard library: pthread_create,
// QtConcurrent::run, QThreadPool::start, and the user's own thread pools,
// taught by the SpawnFunctions / JoinFunctions options or by the
// SESSIONLINT_SPAWNS(n) / SESSIONLINT_JOINS annotations.
#include <QtConcurrent/QtConcurrent>
#include <QtCore/QThreadPool>
#include <pqxx/pqxx>
#include <pthread.h>
#include <sessionlint/annotations.h>

void *worker(void *arg);

void pthread_then_use_bad() {
  pqxx::connection db;
  pthread_t tid;
  pthread_create(&tid, nullptr, worker, &db);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'pthread_create' while this function keeps using it [sessionlint-shared-across-tasks]
  db.close();
  pthread_join(tid, nullptr);
}

void pthread_joined_ok() {
  pqxx::connection db;
  pthread_t tid;
  pthread_create(&tid, nullptr, worker, &db);
  pthread_join(tid, nullptr);
  db.close();
}

void pthread_detached_bad(pqxx::connection &db) {
  pthread_t tid;
  pthread_create(&tid, nullptr, worker, &db);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'pthread_create' while the caller keeps using it
  pthread_detach(tid);
}

void qt_concurrent_bad() {
  pqxx::connection db;
  QFuture<void> f = QtConcurrent::run([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'QtConcurrent::run'
  db.is_open();
  f.waitForFinished();
}

void qt_concurrent_waited_ok() {
  pqxx::connection db;
  QFuture<void> f = QtConcurrent::run([&db] { db.close(); });
  f.waitForFinished();
  db.is_open();
}

void qt_thread_pool_in_loop_bad(QThreadPool &pool, int n) {
  pqxx::connection db;
  for (int i = 0; i < n; ++i)
    pool.start([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'QThreadPool::start' in a loop
  pool.waitForDone();
}

void qt_thread_pool_waited_ok(QThreadPool &pool) {
  pqxx::connection db;
  pool.start([&db] { db.close(); });
  pool.waitForDone();
  db.is_open();
}

// The user's own pool, named in SpawnFunctions / JoinFunctions.
namespace acme {
class ThreadPool {
public:
  template <class F> void submit(F f) {}
  void drain() {}
};
template <class F> void run_later(F f) {}
} // namespace acme

void option_pool_bad(acme::ThreadPool &pool) {
  pqxx::connection db;
  pool.submit([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'acme::ThreadPool::submit'
  db.is_open();
  pool.drain();
}

void option_pool_drained_ok(acme::ThreadPool &pool) {
  pqxx::connection db;
  pool.submit([&db] { db.close(); });
  pool.drain();
  db.is_open();
}

void option_free_function_escape_bad(pqxx::connection &db) {
  acme::run_later([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: session 'db' of type 'pqxx::connection' is shared with a detached task started by 'acme::run_later'
}

// The same, taught by annotations.
class Executor {
public:
  template <class F> SESSIONLINT_SPAWNS(0) void execute(F f) {}
  SESSIONLINT_JOINS void join_all() {}
};

void annotated_pool_bad(Executor &ex) {
  pqxx::connection db;
  ex.execute([&db] { db.close(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'Executor::execute'
  db.is_open();
  ex.join_all();
}

void annotated_pool_joined_ok(Executor &ex) {
  pqxx::connection db;
  ex.execute([&db] { db.close(); });
  ex.join_all();
  db.is_open();
}
