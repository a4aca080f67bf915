// Cache warmer: two warmers started with std::async share one hiredis
// context.
#include <future>
#include <hiredis/hiredis.h>

void warm_users(redisContext *c) { freeReplyObject(redisCommand(c, "SET users 1")); }
void warm_orders(redisContext *c) { freeReplyObject(redisCommand(c, "SET orders 1")); }

void warm_all() {
  redisContext *redis = redisConnect("127.0.0.1", 6379);
  auto a = std::async(std::launch::async, warm_users, redis); // BUG
  auto b = std::async(std::launch::async, warm_orders, redis);
  a.get();
  b.get();
  redisFree(redis);
}
