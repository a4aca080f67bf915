#include <atomic>
#include <chrono>
#include <hiredis/hiredis.h>
#include <thread>

class Cache {
public:
  Cache() : ctx_(redisConnect("localhost", 6379)), janitor_(&Cache::expire, this) {}
  ~Cache() {
    stop_ = true;
    janitor_.join();
    redisFree(ctx_);
  }
  void set(const char *k, const char *v) {
    freeReplyObject(redisCommand(ctx_, "SET %s %s", k, v));
  }

private:
  void expire() {
    while (!stop_) {
      freeReplyObject(redisCommand(ctx_, "EVAL expire_old 0"));
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }
  redisContext *ctx_;
  std::atomic<bool> stop_{false};
  std::thread janitor_;
};

int main() {
  Cache c; // BUG
  for (int i = 0; i < 100; ++i) c.set("k", "v");
}
