// Metrics pusher: a background thread pushes metrics with the easy handle
// the foreground also uses for health checks.
#include <curl/curl.h>
#include <thread>

class MetricsClient {
public:
  MetricsClient() : curl_(curl_easy_init()) {}

  void start() {
    pusher_ = std::thread([this] {
      curl_easy_setopt(curl_, CURLOPT_URL, "http://metrics/push"); // BUG
      curl_easy_perform(curl_);
    });
  }

  bool healthy() {
    curl_easy_setopt(curl_, CURLOPT_URL, "http://metrics/health");
    return curl_easy_perform(curl_) == 0;
  }

private:
  CURL *curl_;
  std::thread pusher_;
};
