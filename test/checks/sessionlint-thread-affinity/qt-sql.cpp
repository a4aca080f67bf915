// RUN: %check_sessionlint %s -- %mock_flags
// SPEC section 2: QSqlDatabase and QSqlQuery may only be used from the
// thread that created them, even when the uses never overlap.
#include <QtSql/QSqlDatabase>
#include <thread>
#include <utility>

void joined_but_other_thread_bad() {
  QSqlDatabase db = QSqlDatabase::addDatabase("QPSQL");
  std::thread t([&db] { db.transaction(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'db' of type 'QSqlDatabase' may only be used from the thread that created it, but a task started by 'std::thread' uses it [sessionlint-thread-affinity]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: task started here
  // CHECK-NOTES: :[[@LINE-4]]:16: note: 'db' belongs to the thread that runs this code
  // CHECK-NOTES: :[[@LINE-4]]:19: note: create the object inside the task (for QSqlDatabase: QSqlDatabase::cloneDatabase with a connection name of the task's own, then open it there)
  t.join();
}

void copy_is_the_same_connection_bad() {
  QSqlDatabase db = QSqlDatabase::database();
  std::thread t([db]() mutable { db.commit(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'db' of type 'QSqlDatabase' may only be used from the thread that created it, but a task started by 'std::thread' uses it
  t.join();
}

void query_in_task_bad(QSqlQuery &query) {
  std::thread t([&query] { query.exec("select 1"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'query' of type 'QSqlQuery' may only be used from the thread that created it
  t.join();
}

void own_connection_in_task_ok() {
  QSqlDatabase main = QSqlDatabase::database();
  std::thread t([] {
    QSqlDatabase mine = QSqlDatabase::addDatabase("QPSQL", "worker");
    mine.open();
    QSqlQuery q(mine);
    q.exec("select 1");
  });
  main.commit();
  t.join();
}

void deferred_runs_on_this_thread_ok() {
  QSqlDatabase db = QSqlDatabase::database();
  db.commit();
}
