// RUN: %check_sessionlint %s -- %mock_flags
// Tasks that capture `this` and use a member session.
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
