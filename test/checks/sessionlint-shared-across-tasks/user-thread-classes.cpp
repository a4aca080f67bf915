// RUN: %check_sessionlint --check-options="{sessionlint-shared-across-tasks.ThreadClasses: 'ofThread::startThread=threadedFunction', sessionlint-shared-across-tasks.JoinFunctions: 'ofThread::waitForThread'}" %s -- %mock_flags -I %S/../../../include
// Thread classes whose start function is out of view (a library's, or
// defined in another file), taught by the ThreadClasses option or the
// SESSIONLINT_STARTS_THREAD annotation: the start function runs the final
// overrider of the named virtual member function on the object; joins are
// named by JoinFunctions or SESSIONLINT_JOINS.
#include <pqxx/pqxx>
#include <sessionlint/annotations.h>

// openFrameworks-style: declared here, defined in the library.
class ofThread {
public:
  virtual ~ofThread();
  void startThread();
  void waitForThread();
  bool isThreadRunning() const;

protected:
  virtual void threadedFunction();
};

class Uploader : public ofThread {
public:
  void flush() { pqxx::work w(db_); }

protected:
  void threadedFunction() override { pqxx::work w(db_); }

private:
  pqxx::connection db_;
};

void option_thread_class_bad(Uploader &u) {
  u.startThread();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'ofThread::startThread' while this function keeps using it [sessionlint-shared-across-tasks]
  u.flush();
  u.waitForThread();
}

void option_thread_class_waited_ok(Uploader &u) {
  u.startThread();
  u.waitForThread();
  u.flush();
}

// A class that does not override the entry point runs the library's.
class Idle : public ofThread {
public:
  void flush() { pqxx::work w(db_); }

private:
  pqxx::connection db_;
};

void base_entry_point_ok(Idle &i) {
  i.startThread();
  i.flush();
  i.waitForThread();
}

// The annotation, on a base class of the project's own whose start()
// is defined in another file.
class Worker {
public:
  virtual ~Worker();
  SESSIONLINT_STARTS_THREAD("work") void launch();
  SESSIONLINT_JOINS void finish();

protected:
  virtual void work() = 0;
};

class Indexer : public Worker {
public:
  void reindex() { pqxx::work w(db_); }

protected:
  void work() override { pqxx::work w(db_); }

private:
  pqxx::connection db_;
};

void annotated_thread_class_bad(Indexer &ix) {
  ix.launch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'Worker::launch' while this function keeps using it
  ix.reindex();
  ix.finish();
}

void annotated_thread_class_finished_ok(Indexer &ix) {
  ix.launch();
  ix.finish();
  ix.reindex();
}

// Through a pointer and a helper that starts it.
void start_indexer(Indexer *ix) { ix->launch(); }

void annotated_through_helper_bad(Indexer *ix) {
  start_indexer(ix);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'start_indexer' while this function keeps using it
  ix->reindex();
  ix->finish();
}
