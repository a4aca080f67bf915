#include <curl/curl.h>
#include <thread>
#include <vector>

struct Fetcher {
  CURL *easy = curl_easy_init();
  ~Fetcher() { curl_easy_cleanup(easy); }
  void get(const char *url) {
    curl_easy_setopt(easy, CURLOPT_URL, url);
    curl_easy_perform(easy);
  }
};

int main() {
  Fetcher f;
  std::vector<std::thread> ts;
  const char *urls[] = {"http://a", "http://b", "http://c"};
  for (const char *u : urls)
    ts.emplace_back([&f, u] { f.get(u); }); // BUG
  for (auto &t : ts) t.join();
}
