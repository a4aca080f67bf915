#include <hiredis/hiredis.h>
#include <thread>

int main() {
  redisContext *ctx = redisConnect("127.0.0.1", 6379);
  {
    std::jthread heartbeat([ctx](std::stop_token st) { // BUG
      while (!st.stop_requested()) {
        redisReply *r = static_cast<redisReply *>(redisCommand(ctx, "PING"));
        freeReplyObject(r);
      }
    });
    for (int i = 0; i < 100; ++i) {
      redisReply *r = static_cast<redisReply *>(redisCommand(ctx, "INCR hits"));
      freeReplyObject(r);
    }
  }
  redisFree(ctx);
}
