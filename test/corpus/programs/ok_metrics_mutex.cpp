// Metrics client: the background pusher and the health check share the
// handle, but every use holds the same mutex.
#include <curl/curl.h>
#include <mutex>
#include <thread>

class MetricsClient {
public:
  void start() {
    pusher_ = std::thread([this] {
      std::lock_guard<std::mutex> lock(mu_);
      curl_easy_setopt(curl_, CURLOPT_URL, "http://metrics/push");
      curl_easy_perform(curl_);
    });
  }

  bool healthy() {
    std::lock_guard<std::mutex> lock(mu_);
    curl_easy_setopt(curl_, CURLOPT_URL, "http://metrics/health");
    return curl_easy_perform(curl_) == 0;
  }

  void stop() { pusher_.join(); }

private:
  std::mutex mu_;
  CURL *curl_ = curl_easy_init();
  std::thread pusher_;
};
