// Uploader thread class, fixed: the status check runs after wait().
#include <QtCore/QThread>
#include <curl/curl.h>

class Uploader : public QThread {
public:
  Uploader() : curl_(curl_easy_init()) {}
  bool reachable() {
    curl_easy_setopt(curl_, CURLOPT_URL, "https://upload.example/ping");
    return curl_easy_perform(curl_) == 0;
  }

protected:
  void run() override {
    curl_easy_setopt(curl_, CURLOPT_URL, "https://upload.example/put");
    curl_easy_perform(curl_);
  }

private:
  CURL *curl_;
};

bool upload_and_report(Uploader &uploader) {
  uploader.start();
  uploader.wait();
  return uploader.reachable();
}
