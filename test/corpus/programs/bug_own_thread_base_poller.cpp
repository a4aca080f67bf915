// A project's own thread base class: the poller's threadedFunction() runs
// on the base's thread while the caller reads through the same session.
#include <pqxx/pqxx>
#include <thread>

class Worker {
public:
  virtual ~Worker() = default;
  void startThread() { thread_ = std::thread(&Worker::threadedFunction, this); }
  void waitForThread() {
    if (thread_.joinable())
      thread_.join();
  }

protected:
  virtual void threadedFunction() = 0;

private:
  std::thread thread_;
};

class QueuePoller : public Worker {
public:
  int depth() {
    pqxx::work tx(db_);
    return tx.exec("select count(*) from queue").size();
  }

protected:
  void threadedFunction() override {
    pqxx::work tx(db_);
    tx.exec("delete from queue where done");
    tx.commit();
  }

private:
  pqxx::connection db_;
};

int poll_once(QueuePoller &poller) {
  poller.startThread(); // BUG
  int depth = poller.depth();
  poller.waitForThread();
  return depth;
}
