#include <curl/curl.h>
#include <atomic>
#include <chrono>
#include <thread>

static CURL *g_http = nullptr;
static std::atomic<bool> g_running{true};

static void poll_status() {
  while (g_running) {
    curl_easy_setopt(g_http, CURLOPT_URL, "http://localhost/status");
    curl_easy_perform(g_http);
    std::this_thread::sleep_for(std::chrono::seconds(5));
  }
}

static void upload_report(const char *body) {
  curl_easy_setopt(g_http, CURLOPT_URL, "http://localhost/report");
  curl_easy_setopt(g_http, CURLOPT_POSTFIELDS, body);
  curl_easy_perform(g_http);
}

int main() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  g_http = curl_easy_init();
  std::thread poller(poll_status); // BUG
  for (int i = 0; i < 10; ++i) upload_report("{}");
  g_running = false;
  poller.join();
  curl_easy_cleanup(g_http);
}
