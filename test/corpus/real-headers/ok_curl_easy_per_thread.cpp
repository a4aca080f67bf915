#include <curl/curl.h>
#include <thread>
#include <vector>

static void fetch(const char *url) {
  CURL *easy = curl_easy_init();
  curl_easy_setopt(easy, CURLOPT_URL, url);
  curl_easy_perform(easy);
  curl_easy_cleanup(easy);
}

int main() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  std::vector<std::thread> ts;
  for (const char *u : {"http://a", "http://b"})
    ts.emplace_back(fetch, u);
  for (auto &t : ts) t.join();
  curl_global_cleanup();
}
