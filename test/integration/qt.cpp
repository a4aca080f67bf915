// RUN: %check_sessionlint %s -- %real_flags -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/x86_64-linux-gnu/qt5/QtConcurrent -I/usr/include/postgresql
// Real headers: Qt 5 (qtbase5-dev). QSqlDatabase is thread-affine: any use
// from a task is reported by sessionlint-thread-affinity; QtConcurrent::run
// and QThreadPool::start are spawn sites.
#include <QtConcurrent/QtConcurrent>
#include <QtCore/QThreadPool>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <libpq-fe.h>

void qt_database_in_concurrent_task_bad() {
  QSqlDatabase db = QSqlDatabase::database();
  QFuture<void> f = QtConcurrent::run([db]() mutable { db.transaction(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'db' of type 'QSqlDatabase' may only be used from the thread that created it, but a task started by 'QtConcurrent::run' uses it [sessionlint-thread-affinity]
  f.waitForFinished();
}

void qt_own_connection_in_task_ok() {
  QFuture<void> f = QtConcurrent::run([] {
    QSqlDatabase mine = QSqlDatabase::addDatabase("QPSQL", "worker");
    mine.open();
    QSqlQuery q(mine);
    q.exec("select 1");
  });
  f.waitForFinished();
}

void qt_pool_shares_pgconn_bad(PGconn *conn) {
  QThreadPool pool;
  pool.start([conn] { PQclear(PQexec(conn, "select 1")); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: session 'conn' of type 'PGconn *' is shared with a task started by 'QThreadPool::start' while this function keeps using it [sessionlint-shared-across-tasks]
  PQclear(PQexec(conn, "select 2"));
  pool.waitForDone();
}
