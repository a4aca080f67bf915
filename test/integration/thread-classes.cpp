// RUN: %check_sessionlint %s -- %real_flags -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtSql -I/usr/include/postgresql
// Real headers: thread classes of Qt 5 (QThread, QRunnable), Poco 1.12
// (Poco::Thread, Poco::ThreadPool, Poco::RunnableAdapter, Poco::Activity) and Boost 1.74
// (boost::thread_group).
#include <QtCore/QThread>
#include <QtCore/QThreadPool>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <Poco/Activity.h>
#include <Poco/RunnableAdapter.h>
#include <Poco/Thread.h>
#include <Poco/ThreadPool.h>
#include <boost/thread/thread.hpp>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <thread>

class Exporter : public QThread {
public:
  explicit Exporter(pqxx::connection &db) : db_(db) {}
  void flush() { pqxx::work w(db_); }

protected:
  void run() override { pqxx::work w(db_); }

private:
  pqxx::connection &db_;
};

void qthread_used_while_running_bad(pqxx::connection &db) {
  Exporter exporter(db);
  exporter.start();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'QThread::start' while this function keeps using it [sessionlint-shared-across-tasks]
  exporter.flush();
  exporter.wait();
}

void qthread_waited_ok(pqxx::connection &db) {
  Exporter exporter(db);
  exporter.start();
  exporter.wait();
  exporter.flush();
}

// The classic Qt mistake: the connection is made on the GUI thread in the
// constructor and used from run().
class Indexer : public QThread {
public:
  Indexer() : db_(QSqlDatabase::addDatabase("QSQLITE", "indexer")) {}

protected:
  void run() override {
    QSqlQuery query(db_);
    query.exec("select 1");
  }

private:
  QSqlDatabase db_;
};
// CHECK-MESSAGES: :[[@LINE+2]]:3: warning: 'db_' of type 'QSqlDatabase' may only be used from the thread that created it, but a task started by 'QThread::start' uses it [sessionlint-thread-affinity]
void index_in_background(Indexer &indexer) {
  indexer.start();
}

class OwnConnection : public QThread {
protected:
  void run() override {
    QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "worker");
    QSqlQuery query(db);
    query.exec("select 1");
  }
};

void own_connection_ok(OwnConnection &worker) { worker.start(); }

struct Loader : Poco::Runnable {
  explicit Loader(sqlite3 *db) : db(db) {}
  void run() override { sqlite3_exec(db, "insert", nullptr, nullptr, nullptr); }
  sqlite3 *db;
};

void poco_thread_bad(sqlite3 *db) {
  Loader loader(db);
  Poco::Thread thread;
  thread.start(loader);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: session 'db' of type 'sqlite3 *' is shared with a task started by 'Poco::Thread::start' while this function keeps using it
  sqlite3_exec(db, "select", nullptr, nullptr, nullptr);
  thread.join();
}

void poco_thread_joined_ok(sqlite3 *db) {
  Loader loader(db);
  Poco::Thread thread;
  thread.start(loader);
  thread.join();
  sqlite3_exec(db, "select", nullptr, nullptr, nullptr);
}

void poco_pool_bad(sqlite3 *db) {
  Loader first(db), second(db);
  Poco::ThreadPool pool;
  pool.start(first);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: session 'db' of type 'sqlite3 *' is shared by overlapping tasks started by 'Poco::ThreadPool::start' and 'Poco::ThreadPool::start'
  pool.start(second);
  pool.joinAll();
}

class Sync {
public:
  void work() { pqxx::work w(db_); }
  void again_bad() {
    Poco::RunnableAdapter<Sync> adapter(*this, &Sync::work);
    Poco::Thread thread;
    thread.start(adapter);
    // CHECK-MESSAGES: :[[@LINE-3]]:41: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'Poco::Thread::start' while this function keeps using it
    work();
    thread.join();
  }

private:
  pqxx::connection db_;
};

struct Upload : QRunnable {
  explicit Upload(sqlite3 *db) : db(db) {}
  void run() override { sqlite3_exec(db, "insert", nullptr, nullptr, nullptr); }
  sqlite3 *db;
};

void qrunnable_bad(sqlite3 *db) {
  QThreadPool pool;
  pool.start(new Upload(db));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: session 'db' of type 'sqlite3 *' is shared with a task started by 'QThreadPool::start' while this function keeps using it
  sqlite3_exec(db, "select", nullptr, nullptr, nullptr);
  pool.waitForDone();
}

void qrunnable_waited_ok(sqlite3 *db) {
  QThreadPool pool;
  pool.start(new Upload(db));
  pool.waitForDone();
  sqlite3_exec(db, "select", nullptr, nullptr, nullptr);
}

void thread_group_bad(pqxx::connection &db) {
  boost::thread_group group;
  for (int i = 0; i < 4; ++i)
    group.create_thread([&db] { pqxx::work w(db); });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'boost::thread_group::create_thread' in a loop
  group.join_all();
}

void thread_group_joined_ok(pqxx::connection &db) {
  boost::thread_group group;
  group.create_thread([&db] { pqxx::work w(db); });
  group.join_all();
  pqxx::work w(db);
}

// Qt's named connections: a task that looks up a connection it did not add.
void lookup_in_thread_bad() {
  std::thread t([] {
    QSqlQuery query(QSqlDatabase::database("reports"));
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: connection 'reports' belongs to the thread that added it, but a task started by 'std::thread' looks it up and uses it [sessionlint-thread-affinity]
    query.exec("select 1");
  });
  t.join();
}

void default_connection_in_thread_bad() {
  std::thread t([] {
    QSqlQuery query("select 1");
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the default connection belongs to the thread that added it, but a task started by 'std::thread' looks it up and uses it [sessionlint-thread-affinity]
    query.exec();
  });
  t.join();
}

void own_named_connection_ok() {
  std::thread t([] {
    {
      QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "worker");
      db.open();
      QSqlQuery query(QSqlDatabase::database("worker"));
      query.exec("select 1");
    }
    QSqlDatabase::removeDatabase("worker");
  });
  t.join();
}

// Poco::Activity (Poco's own example shape): the activity runs the member
// function it was built with; stop() and wait() end it.
class Replicator {
public:
  Replicator() : activity_(this, &Replicator::replicate) {}
  void start() { activity_.start(); }
  void stop() {
    activity_.stop();
    activity_.wait();
  }
  void query() { pqxx::work w(db_); }

private:
  void replicate() {
    while (!activity_.isStopped())
      pqxx::work w(db_);
  }
  Poco::Activity<Replicator> activity_;
  pqxx::connection db_;
};

void activity_bad(Replicator &r) {
  r.start();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'start' while this function keeps using it
  r.query();
  r.stop();
}

void activity_stopped_ok(Replicator &r) {
  r.start();
  r.stop();
  r.query();
}
