// Cache warmer, fixed: each warmer connects on its own.
#include <future>
#include <hiredis/hiredis.h>

void warm(const char *key) {
  redisContext *c = redisConnect("127.0.0.1", 6379);
  freeReplyObject(redisCommand(c, "SET %s 1", key));
  redisFree(c);
}

void warm_all() {
  auto a = std::async(std::launch::async, warm, "users");
  auto b = std::async(std::launch::async, warm, "orders");
  a.get();
  b.get();
}
