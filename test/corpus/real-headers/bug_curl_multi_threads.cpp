#include <curl/curl.h>
#include <string>
#include <thread>

struct Client {
  CURL *h = curl_easy_init();
  void get(const std::string &url) {
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_perform(h);
  }
};

int main() {
  Client c;
  std::thread t1([&c] { c.get("http://a"); }); // BUG
  std::thread t2([&c] { c.get("http://b"); });
  t1.join();
  t2.join();
}
