#include <hiredis/hiredis.h>
#include <thread>

int main() {
  redisContext *sub = redisConnect("127.0.0.1", 6379);
  redisContext *pub = redisConnect("127.0.0.1", 6379);
  std::thread listener([sub] {
    redisReply *r = (redisReply *)redisCommand(sub, "SUBSCRIBE news");
    freeReplyObject(r);
  });
  redisReply *r = (redisReply *)redisCommand(pub, "PUBLISH news hello");
  freeReplyObject(r);
  listener.join();
  redisFree(sub);
  redisFree(pub);
}
