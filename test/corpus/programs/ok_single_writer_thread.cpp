// Writer thread: only the writer thread ever touches the connection; the
// producer hands it data through a queue.
#include <mutex>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

class Writer {
public:
  void start() {
    thread_ = std::thread([this] {
      pqxx::connection db("dbname=sink");
      std::vector<int> batch;
      {
        std::lock_guard<std::mutex> lock(mu_);
        batch.swap(queue_);
      }
      pqxx::work tx(db);
      tx.exec("insert into sink values (1)");
      tx.commit();
    });
  }
  void push(int v) {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(v);
  }
  void stop() { thread_.join(); }

private:
  std::mutex mu_;
  std::vector<int> queue_;
  std::thread thread_;
};
