// Crawler, fixed: each fetch thread uses its own easy handle; the threads
// are joined in stop().
#include <curl/curl.h>
#include <thread>
#include <vector>

class Crawler {
public:
  void crawl(int pages) {
    for (int i = 0; i < pages; ++i)
      fetchers_.emplace_back([] {
        CURL *h = curl_easy_init();
        curl_easy_perform(h);
        curl_easy_cleanup(h);
      });
  }
  void stop() {
    for (auto &t : fetchers_)
      t.join();
  }

private:
  std::vector<std::thread> fetchers_;
};
