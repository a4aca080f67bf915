#pragma once
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i) workers_.emplace_back([this] { run(); });
  }
  ~Pool() {
    { std::lock_guard<std::mutex> lk(mu_); stop_ = true; }
    cv_.notify_all();
    for (auto &w : workers_) w.join();
  }
  void submit(std::function<void()> job) {
    { std::lock_guard<std::mutex> lk(mu_); jobs_.push(std::move(job)); }
    cv_.notify_one();
  }
private:
  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lk(mu_);
        cv_.wait(lk, [this] { return stop_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop();
      }
      job();
    }
  }
  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> jobs_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
};

class SerialWorker {
public:
  SerialWorker() : thread_([this] { loop(); }) {}
  ~SerialWorker() {
    { std::lock_guard<std::mutex> lk(mu_); stop_ = true; }
    cv_.notify_all();
    thread_.join();
  }
  void post(std::function<void()> job) {
    { std::lock_guard<std::mutex> lk(mu_); jobs_.push_back(std::move(job)); }
    cv_.notify_one();
  }
private:
  void loop() {
    std::unique_lock<std::mutex> lk(mu_);
    while (!stop_ || !jobs_.empty()) {
      if (jobs_.empty()) { cv_.wait(lk); continue; }
      auto job = std::move(jobs_.front());
      jobs_.erase(jobs_.begin());
      lk.unlock();
      job();
      lk.lock();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::function<void()>> jobs_;
  bool stop_ = false;
  std::thread thread_;
};

class EventBus {
public:
  void on(std::function<void()> cb) { handlers_.push_back(std::move(cb)); }
  void emit() { for (auto &h : handlers_) h(); }
private:
  std::vector<std::function<void()>> handlers_;
};
