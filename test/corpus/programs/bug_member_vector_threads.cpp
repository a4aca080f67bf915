// Crawler: fetch threads are kept in a member vector (joined in stop()),
// while crawl() returns and the caller keeps using the handle.
#include <curl/curl.h>
#include <thread>
#include <vector>

class Crawler {
public:
  void crawl(int pages) {
    for (int i = 0; i < pages; ++i)
      fetchers_.emplace_back([this] { curl_easy_perform(curl_); }); // BUG
  }
  void stop() {
    for (auto &t : fetchers_)
      t.join();
  }

private:
  CURL *curl_ = curl_easy_init();
  std::vector<std::thread> fetchers_;
};
