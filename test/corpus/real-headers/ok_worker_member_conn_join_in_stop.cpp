#include <hiredis/hiredis.h>
#include <atomic>
#include <thread>

class Publisher {
public:
  Publisher() : ctx_(redisConnect("127.0.0.1", 6379)) {}
  ~Publisher() { stop(); redisFree(ctx_); }
  void start() {
    running_ = true;
    th_ = std::thread([this] {
      while (running_) {
        redisReply *r = static_cast<redisReply *>(redisCommand(ctx_, "PUBLISH tick 1"));
        freeReplyObject(r);
      }
    });
  }
  void stop() {
    running_ = false;
    if (th_.joinable()) th_.join();
  }
  void flush() {
    redisReply *r = static_cast<redisReply *>(redisCommand(ctx_, "PUBLISH tick flush"));
    freeReplyObject(r);
  }
private:
  redisContext *ctx_;
  std::atomic<bool> running_{false};
  std::thread th_;
};

int main() {
  Publisher p;
  p.start();
  p.stop();
  p.flush();
}
