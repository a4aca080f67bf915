// RUN: %check_sessionlint %s -- %mock_flags
// Tasks that capture `this` and use a member session.
#include <mutex>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

class JobManager {
public:
  void this_capture_bad() {
    std::thread t([this] { pqxx::work w(db_); });
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
    db_.close();
    t.join();
  }

  void default_ref_capture_of_this_bad() {
    std::thread t([&] { pqxx::work w(db_); });
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'std::thread'
    pqxx::work tx(this->db_);
    t.join();
  }

  void joined_ok() {
    std::thread t([this] { pqxx::work w(db_); });
    t.join();
    db_.close();
  }

  void non_session_member_ok() {
    std::thread t([this] { ++jobs_; });
    ++jobs_;
    t.join();
  }

  // The task uses db_, the function uses only other_: different sessions.
  void different_member_ok() {
    std::thread t([this] { pqxx::work w(db_); });
    other_.close();
    t.join();
  }

private:
  pqxx::connection db_;
  pqxx::connection other_;
  int jobs_ = 0;
};

// Threads kept in a member container are joined elsewhere (the destructor),
// not by the function that starts them.
class Pool {
public:
  void start_bad(pqxx::connection &db) {
    workers_.emplace_back([&db] { db.close(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
    db.close();
  }

  void start_own_session_ok() {
    workers_.emplace_back([] {
      pqxx::connection own;
      own.close();
    });
  }

private:
  std::vector<std::thread> workers_;
};

// The task runs a member function: std::thread(&C::run, this), or a lambda
// that calls member functions on `this`. Their uses of member sessions are
// the task's, anchored at the `this` argument or at the call in the lambda.
class Worker {
public:
  void run() { db_.close(); }
  void member_function_pointer_bad() {
    std::thread t(&Worker::run, this);
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
    db_.close();
    t.join();
  }
  void member_function_pointer_joined_ok() {
    std::thread t(&Worker::run, this);
    t.join();
    db_.close();
  }
  void lambda_calls_member_bad() {
    std::thread t([this] { process(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: session 'db_' of type 'pqxx::connection' is shared with a task started by 'std::thread' while this function keeps using it
    db_.is_open();
    t.join();
  }
  void lambda_calls_member_under_lock_ok() {
    std::thread t([this] {
      std::lock_guard<std::mutex> lock(mu_);
      process();
    });
    {
      std::lock_guard<std::mutex> lock(mu_);
      db_.is_open();
    }
    t.join();
  }

private:
  void process() { step(); }
  void step() { db_.close(); }
  std::mutex mu_;
  pqxx::connection db_;
};

// A private connection that only the worker thread touches is the worker's
// own session: handing it to one long-running task is the fix, not the bug.
class DedicatedWriter {
public:
  void start_writer_owns_connection_ok() {
    thread_ = std::thread([this] { drain(); });
  }
  void stop() { thread_.join(); }

private:
  void drain() { sink_.close(); }
  pqxx::connection sink_;
  std::thread thread_;
};

class SharedWriter {
public:
  void start_writer_also_used_by_readers_bad() {
    thread_ = std::thread([this] { drain(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: session 'sink_' of type 'pqxx::connection' is shared with a detached task started by 'std::thread' while the caller keeps using it
  }
  bool healthy() { return sink_.is_open(); }

private:
  void drain() { sink_.close(); }
  pqxx::connection sink_;
  std::thread thread_;
};
