#include <curl/curl.h>
#include <algorithm>
#include <execution>
#include <string>
#include <vector>

int main() {
  CURL *h = curl_easy_init();
  std::vector<std::string> urls{"http://a/", "http://b/", "http://c/"};
  std::for_each(std::execution::seq, urls.begin(), urls.end(), [h](const std::string &u) {
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
  });
  curl_easy_cleanup(h);
}
