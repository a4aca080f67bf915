#include <hiredis/hiredis.h>
#include <string>
#include <thread>

class EventBus {
public:
  EventBus() : ctx_(redisConnect("127.0.0.1", 6379)) {}
  ~EventBus() { redisFree(ctx_); }
  void publish(const std::string &ch, const std::string &msg) {
    redisReply *r = (redisReply *)redisCommand(ctx_, "PUBLISH %s %s", ch.c_str(), msg.c_str());
    freeReplyObject(r);
  }
  redisContext *ctx_;
};

int main() {
  EventBus bus;
  std::thread ticker([&bus] { // BUG
    for (int i = 0; i < 100; ++i) bus.publish("tick", std::to_string(i));
  });
  for (int i = 0; i < 100; ++i) bus.publish("main", "hello");
  ticker.join();
}
