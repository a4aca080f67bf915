// RUN: %check_sessionlint %s -- %mock_flags
// Thread classes: start() runs the class's virtual entry point on a new
// thread, on the very object start() is called on (docs/design/
// concurrency-model.md, "Thread classes").
#include <QtCore/QThread>
#include <QtCore/QThreadPool>
#include <Poco/Activity.h>
#include <Poco/RunnableAdapter.h>
#include <Poco/Thread.h>
#include <Poco/ThreadPool.h>
#include <boost/thread.hpp>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <thread>

// --- QThread ---------------------------------------------------------------

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
  // CHECK-NOTES: :[[@LINE-2]]:3: note: task started here
  exporter.flush();
  exporter.wait();
}

void qthread_waited_ok(pqxx::connection &db) {
  Exporter exporter(db);
  exporter.start();
  exporter.wait();
  exporter.flush();
}

void qthread_through_pointer_bad(pqxx::connection &db) {
  auto *exporter = new Exporter(db);
  exporter->start();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'QThread::start' while this function keeps using it
  pqxx::work w(db);
  exporter->wait();
  delete exporter;
}

// The thread owns its connection: opened inside run().
class OwnConnection : public QThread {
public:
  void report() { ++reports_; }

protected:
  void run() override {
    pqxx::connection mine("dbname=app");
    pqxx::work w(mine);
  }

private:
  int reports_ = 0;
};

void qthread_own_connection_ok() {
  OwnConnection worker;
  worker.start();
  worker.report();
  worker.wait();
}

// A thread started in the constructor runs while every other member
// function may be called from the thread that owns the object.
class Indexer : public QThread {
public:
  Indexer() { start(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: session 'db_' of type 'pqxx::connection' is shared with a detached task started by 'QThread::start'
  void search() { pqxx::work w(db_); }

protected:
  void run() override { pqxx::work w(db_); }

private:
  pqxx::connection db_;
};

// Every entry point takes the class's mutex: a monitor.
class GuardedIndexer : public QThread {
public:
  GuardedIndexer() { start(); }
  void search() {
    std::lock_guard<std::mutex> lock(mu_);
    pqxx::work w(db_);
  }

protected:
  void run() override {
    std::lock_guard<std::mutex> lock(mu_);
    pqxx::work w(db_);
  }

private:
  std::mutex mu_;
  pqxx::connection db_;
};

// --- Poco --------------------------------------------------------------------

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

void poco_pool_own_sessions_ok(sqlite3 *a, sqlite3 *b) {
  Loader first(a), second(b);
  Poco::ThreadPool pool;
  pool.start(first);
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
  void adapter_joined_ok() {
    Poco::RunnableAdapter<Sync> adapter(*this, &Sync::work);
    Poco::Thread thread;
    thread.start(adapter);
    thread.join();
    work();
  }

private:
  pqxx::connection db_;
};

// Poco::Activity: start() runs the member function the activity was built
// with on a pooled thread; stop() asks it to end, wait() waits for it. The
// public query() may run while the activity does; the calls are in view,
// so the callers are told, in the order they make them.
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

// Built by a default member initializer, started on a local.
struct Compactor {
  void compact() { sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr); }
  sqlite3 *db = nullptr;
  Poco::Activity<Compactor> activity{this, &Compactor::compact};
};

void activity_member_initializer_bad(Compactor &c) {
  c.activity.start();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: session 'db' of type 'sqlite3 *' is shared with a task started by 'Poco::Activity::start' while this function keeps using it
  sqlite3_exec(c.db, "SELECT 1", nullptr, nullptr, nullptr);
  c.activity.wait();
}

void activity_member_waited_ok(Compactor &c) {
  c.activity.start();
  c.activity.wait();
  sqlite3_exec(c.db, "SELECT 1", nullptr, nullptr, nullptr);
}

// Only the activity touches the connection: the class's own, one task per
// object (a second start() while it runs does nothing).
class Archiver {
public:
  Archiver() : activity_(this, &Archiver::archive) {}
  void start() { activity_.start(); }
  void stop() {
    activity_.stop();
    activity_.wait();
  }

private:
  void archive() { pqxx::work w(db_); }
  Poco::Activity<Archiver> activity_;
  pqxx::connection db_;
};

struct Vacuum {
  void run() { sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr); }
  sqlite3 *db = nullptr;
};

void local_activity_waited_ok(Vacuum &v) {
  Poco::Activity<Vacuum> activity(&v, &Vacuum::run);
  activity.start();
  activity.wait();
  sqlite3_exec(v.db, "SELECT 1", nullptr, nullptr, nullptr);
}

void local_activity_bad(Vacuum &v) {
  Poco::Activity<Vacuum> activity(&v, &Vacuum::run);
  activity.start();
  // CHECK-MESSAGES: :[[@LINE-2]]:35: warning: session 'db' of type 'sqlite3 *' is shared with a task started by 'Poco::Activity::start' while this function keeps using it
  sqlite3_exec(v.db, "SELECT 1", nullptr, nullptr, nullptr);
  activity.wait();
}

void poco_callable(void *data) {
  sqlite3_exec(static_cast<sqlite3 *>(data), "insert", nullptr, nullptr, nullptr);
}

void poco_callable_bad(sqlite3 *db) {
  Poco::Thread thread;
  thread.start(poco_callable, db);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: session 'db' of type 'sqlite3 *' is shared with a task started by 'Poco::Thread::start' while this function keeps using it
  sqlite3_exec(db, "select", nullptr, nullptr, nullptr);
  thread.join();
}

// --- QThreadPool with a QRunnable ----------------------------------------------

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

// --- boost::thread_group -------------------------------------------------------

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

// --- a project's own thread base class -----------------------------------------

class ThreadBase {
public:
  virtual ~ThreadBase() = default;
  void startThread() { thread_ = std::thread(&ThreadBase::threadedFunction, this); }
  void waitForThread() { thread_.join(); }

protected:
  virtual void threadedFunction() = 0;

private:
  std::thread thread_;
};

class Poller : public ThreadBase {
public:
  void poll() { pqxx::work w(db_); }
  // `get()` on a member that is no task handle joins nothing.
  bool configured() { return config_.get() != nullptr; }

protected:
  void threadedFunction() override { pqxx::work w(db_); }

private:
  pqxx::connection db_;
  std::unique_ptr<int> config_;
};

void own_base_class_bad(Poller &poller) {
  poller.startThread();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'startThread' while this function keeps using it
  poller.poll();
  poller.waitForThread();
}

void reading_a_member_is_no_join_bad(Poller &poller) {
  poller.startThread();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'startThread' while this function keeps using it
  if (poller.configured())
    poller.poll();
  poller.waitForThread();
}

void own_base_class_waited_ok(Poller &poller) {
  poller.startThread();
  poller.waitForThread();
  poller.poll();
}

// --- the destructor that joins --------------------------------------------------

// A class whose destructor joins the thread it started: a local object
// joins at the end of its scope.
class Tailer {
public:
  explicit Tailer(pqxx::connection &db) : db_(db) {}
  ~Tailer() {
    if (thread_.joinable())
      thread_.join();
  }
  void start() { thread_ = std::thread([this] { pqxx::work w(db_); }); }
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: session 'db_' of type 'pqxx::connection' is shared with a detached task started by 'std::thread' while the caller keeps using it

private:
  pqxx::connection &db_;
  std::thread thread_;
};

void destructor_joins_at_scope_end_ok(pqxx::connection &db) {
  {
    Tailer t(db);
    t.start();
  }
  pqxx::work w(db);
}

void used_inside_the_scope_bad(pqxx::connection &db) {
  Tailer t(db);
  t.start();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'start' while this function keeps using it
  pqxx::work w(db);
}

void local_activity_destroyed_ok(Vacuum &v) {
  {
    Poco::Activity<Vacuum> activity(&v, &Vacuum::run);
    activity.start();
  }
  sqlite3_exec(v.db, "SELECT 1", nullptr, nullptr, nullptr);
}

// A QThread whose destructor waits for it: started on a local, it ends
// with the block.
class Flusher : public QThread {
public:
  explicit Flusher(pqxx::connection &db) : db_(db) {}
  ~Flusher() { wait(); }

protected:
  void run() override { pqxx::work w(db_); }

private:
  pqxx::connection &db_;
};

void qthread_destructor_waits_ok(pqxx::connection &db) {
  {
    Flusher f(db);
    f.start();
  }
  pqxx::work w(db);
}

void qthread_used_before_destructor_bad(pqxx::connection &db) {
  Flusher f(db);
  f.start();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'QThread::start' while this function keeps using it
  pqxx::work w(db);
}
