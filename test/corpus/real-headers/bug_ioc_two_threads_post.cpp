#include <boost/asio.hpp>
#include <hiredis/hiredis.h>
#include <thread>

namespace asio = boost::asio;

int main() {
  asio::io_context ioc;
  auto guard = asio::make_work_guard(ioc);
  std::thread t1([&ioc] { ioc.run(); });
  std::thread t2([&ioc] { ioc.run(); });
  redisContext *ctx = redisConnect("127.0.0.1", 6379);
  for (int i = 0; i < 4; ++i) {
    asio::post(ioc, [ctx, i] { // BUG
      redisReply *r = static_cast<redisReply *>(redisCommand(ctx, "LPUSH q %d", i));
      freeReplyObject(r);
    });
  }
  guard.reset();
  t1.join();
  t2.join();
  redisFree(ctx);
}
