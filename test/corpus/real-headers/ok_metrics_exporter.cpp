// Periodic exporter: the exporter thread owns its curl handle; main never touches it.
#include <atomic>
#include <chrono>
#include <curl/curl.h>
#include <mutex>
#include <string>
#include <thread>

class Metrics {
public:
  void add(long v) { std::lock_guard<std::mutex> lk(mu_); total_ += v; }
  long snapshot() { std::lock_guard<std::mutex> lk(mu_); return total_; }
private:
  std::mutex mu_;
  long total_ = 0;
};

class Exporter {
public:
  explicit Exporter(Metrics &m) : metrics_(m), thread_([this] { run(); }) {}
  ~Exporter() { stop_ = true; thread_.join(); }
private:
  void run() {
    CURL *curl = curl_easy_init();
    while (!stop_) {
      std::string body = "total=" + std::to_string(metrics_.snapshot());
      curl_easy_setopt(curl, CURLOPT_URL, "http://metrics/push");
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
      curl_easy_perform(curl);
      std::this_thread::sleep_for(std::chrono::seconds(10));
    }
    curl_easy_cleanup(curl);
  }
  Metrics &metrics_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

int main() {
  Metrics m;
  Exporter e(m);
  for (int i = 0; i < 1000; ++i) m.add(i);
}
