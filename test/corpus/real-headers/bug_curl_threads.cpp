#include <curl/curl.h>
#include <string>
#include <thread>
#include <vector>

void fetch_all(const std::vector<std::string> &urls) {
  CURL *curl = curl_easy_init();
  std::vector<std::thread> workers;
  for (const auto &u : urls) {
    workers.emplace_back([curl, u] { // BUG
      curl_easy_setopt(curl, CURLOPT_URL, u.c_str());
      curl_easy_perform(curl);
    });
  }
  for (auto &w : workers) w.join();
  curl_easy_cleanup(curl);
}
