#include <atomic>
#include <chrono>
#include <curl/curl.h>
#include <string>
#include <thread>

class Exporter {
public:
  explicit Exporter(CURL *curl) : curl_(curl), thread_([this] { run(); }) {} // BUG
  ~Exporter() { stop_ = true; thread_.join(); }
private:
  void run() {
    while (!stop_) {
      curl_easy_setopt(curl_, CURLOPT_URL, "http://metrics/push");
      curl_easy_perform(curl_);
      std::this_thread::sleep_for(std::chrono::seconds(10));
    }
  }
  CURL *curl_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

int main() {
  CURL *curl = curl_easy_init();
  Exporter e(curl); // BUG
  curl_easy_setopt(curl, CURLOPT_URL, "http://api/health");
  curl_easy_perform(curl);
}
