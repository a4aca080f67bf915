// A fixed pool of worker threads, each with its own connection, fed by a locked queue.
#include <condition_variable>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/pqxx>
#include <queue>
#include <string>
#include <thread>
#include <vector>

struct Request { int user; std::string path; };

class RequestQueue {
public:
  void push(Request r) {
    { std::lock_guard<std::mutex> lk(mu_); q_.push(std::move(r)); }
    cv_.notify_one();
  }
  std::optional<Request> pop() {
    std::unique_lock<std::mutex> lk(mu_);
    cv_.wait(lk, [&] { return closed_ || !q_.empty(); });
    if (q_.empty()) return std::nullopt;
    Request r = std::move(q_.front());
    q_.pop();
    return r;
  }
  void close() {
    { std::lock_guard<std::mutex> lk(mu_); closed_ = true; }
    cv_.notify_all();
  }
private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::queue<Request> q_;
  bool closed_ = false;
};

class Worker {
public:
  Worker(RequestQueue &q, const std::string &dsn) : q_(q), db_(dsn) {}
  void operator()() {
    while (auto r = q_.pop()) {
      pqxx::work tx(db_);
      tx.exec_params("INSERT INTO hits(user_id, path) VALUES ($1, $2)", r->user, r->path);
      tx.commit();
    }
  }
private:
  RequestQueue &q_;
  pqxx::connection db_;
};

int main() {
  RequestQueue q;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&q] { Worker w(q, "dbname=web"); w(); });
  for (int i = 0; i < 100; ++i) q.push({i, "/index"});
  q.close();
  for (auto &t : threads) t.join();
}
