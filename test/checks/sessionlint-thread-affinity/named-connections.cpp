// RUN: %check_sessionlint %s -- %mock_flags
// Qt's named connections: QSqlDatabase::database(name) returns the
// connection addDatabase(driver, name) registered, on whichever thread
// called it; a task that looks up a connection it did not add uses another
// thread's connection (docs/design/concurrency-model.md, "Named
// connections").
#include <QtConcurrent/QtConcurrent>
#include <QtCore/QThread>
#include <QtSql/QSqlDatabase>
#include <thread>

void setup() { QSqlDatabase::addDatabase("QPSQL", "reports").open(); }

void lookup_in_task_bad() {
  setup();
  QFuture<void> f = QtConcurrent::run([] {
    QSqlDatabase db = QSqlDatabase::database("reports");
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: connection 'reports' belongs to the thread that added it, but a task started by 'QtConcurrent::run' looks it up and uses it [sessionlint-thread-affinity]
    // CHECK-NOTES: :[[@LINE-3]]:21: note: task started here
    // CHECK-NOTES: :[[@LINE-3]]:37: note: add a connection of the task's own inside it (QSqlDatabase::addDatabase or cloneDatabase with a name unique to the task) and remove it with QSqlDatabase::removeDatabase when the task ends
    db.transaction();
  });
  f.waitForFinished();
}

void default_query_in_task_bad() {
  std::thread t([] {
    QSqlQuery query;
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the default connection belongs to the thread that added it, but a task started by 'std::thread' looks it up and uses it
    query.exec("select 1");
  });
  t.join();
}

// Through a helper the task calls.
QSqlDatabase reports() { return QSqlDatabase::database("reports"); }
// CHECK-MESSAGES: :[[@LINE-1]]:47: warning: connection 'reports' belongs to the thread that added it, but a task started by 'std::thread' looks it up

void lookup_through_helper_bad() {
  std::thread t([] { reports().commit(); });
  t.join();
}

// The documented fix: the task adds its own connection, under its own name,
// and removes it at the end.
void own_connection_ok() {
  std::thread t([] {
    {
      QSqlDatabase db = QSqlDatabase::addDatabase("QPSQL", "worker");
      db.open();
      QSqlQuery query(QSqlDatabase::database("worker"));
      query.exec("select 1");
    }
    QSqlDatabase::removeDatabase("worker");
  });
  t.join();
}

// Per-thread names are computed: the task looks up what it added. Cloning
// by name (Qt 5.13) does not touch the other thread's connection.
void per_thread_name_ok(QString name) {
  std::thread t([name] {
    QSqlDatabase::cloneDatabase("reports", name);
    QSqlDatabase db = QSqlDatabase::database(name);
    db.open();
  });
  t.join();
}

// database() opens the other thread's connection before it is cloned.
void clone_of_looked_up_connection_bad(QString name) {
  std::thread t([name] {
    QSqlDatabase::cloneDatabase(QSqlDatabase::database("reports"), name).open();
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: connection 'reports' belongs to the thread that added it, but a task started by 'std::thread' looks it up
  });
  t.join();
}

void default_connection_of_its_own_ok() {
  std::thread t([] {
    QSqlDatabase::addDatabase("QSQLITE").open();
    QSqlQuery query;
    query.exec("select 1");
  });
  t.join();
}

// Looked up on the thread that added it: no task involved.
void same_thread_ok() {
  setup();
  QSqlQuery query(QSqlDatabase::database("reports"));
  query.exec("select 1");
}

class Importer : public QThread {
protected:
  void run() override {
    QSqlQuery query(QSqlDatabase::database("reports"));
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: connection 'reports' belongs to the thread that added it, but a task started by 'QThread::start' looks it up
    query.exec("insert");
  }
};

void import_in_background(Importer &importer) { importer.start(); }

// The member gets a connection of the thread's own in run(): made in the
// task, though declared in the class.
class OwnMember : public QThread {
protected:
  void run() override {
    db_ = QSqlDatabase::addDatabase("QSQLITE", "own-member");
    db_.open();
    QSqlQuery query(db_);
    query.exec("select 1");
  }

private:
  QSqlDatabase db_;
};

void own_member_ok(OwnMember &worker) { worker.start(); }

// Opened on the creating thread, used in run(): reported.
class CreatorsMember : public QThread {
public:
  CreatorsMember() : db_(QSqlDatabase::addDatabase("QSQLITE", "creator")) {}

protected:
  void run() override { db_.transaction(); }

private:
  QSqlDatabase db_;
};

void creators_member_bad(CreatorsMember &worker) { worker.start(); }
// CHECK-MESSAGES: :[[@LINE-1]]:52: warning: 'db_' of type 'QSqlDatabase' may only be used from the thread that created it, but a task started by 'QThread::start' uses it

// Two tasks calling the same helper: one finding, at the helper's lookup.
QSqlDatabase stats() { return QSqlDatabase::database("stats"); }
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: connection 'stats' belongs to the thread that added it, but a task started by 'std::thread' looks it up
void two_tasks_one_helper_bad() {
  std::thread a([] { stats().commit(); });
  std::thread b([] { stats().commit(); });
  a.join();
  b.join();
}
