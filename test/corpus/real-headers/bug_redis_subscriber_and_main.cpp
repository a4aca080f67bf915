#include <hiredis/hiredis.h>
#include <thread>

int main() {
  redisContext *ctx = redisConnect("127.0.0.1", 6379);
  std::thread listener([ctx] { // BUG
    redisReply *r = (redisReply *)redisCommand(ctx, "SUBSCRIBE news");
    freeReplyObject(r);
  });
  redisReply *r = (redisReply *)redisCommand(ctx, "PUBLISH news hello");
  freeReplyObject(r);
  listener.join();
  redisFree(ctx);
}
