// Metrics flusher: the flusher thread owns its private connection; the rest
// of the class only touches the in-memory buffer under a mutex.
#include <mutex>
#include <pqxx/pqxx>
#include <thread>
#include <vector>

class Flusher {
public:
  void start() { thread_ = std::thread([this] { flush_loop(); }); }
  void record(int v) {
    std::lock_guard<std::mutex> lock(mu_);
    buffer_.push_back(v);
  }
  void stop() { thread_.join(); }

private:
  void flush_loop() {
    std::vector<int> batch;
    {
      std::lock_guard<std::mutex> lock(mu_);
      batch.swap(buffer_);
    }
    pqxx::work tx(db_);
    tx.exec("insert into metrics values (1)");
    tx.commit();
  }
  std::mutex mu_;
  std::vector<int> buffer_;
  pqxx::connection db_;
  std::thread thread_;
};
