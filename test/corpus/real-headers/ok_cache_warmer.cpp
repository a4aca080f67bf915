// Warms a Redis cache from Postgres: one thread per shard, each with its own clients.
#include <hiredis/hiredis.h>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

struct ShardConfig { std::string dsn; std::string redis_host; int shard; };

static void warm_shard(const ShardConfig &cfg) {
  pqxx::connection pg(cfg.dsn);
  redisContext *redis = redisConnect(cfg.redis_host.c_str(), 6379);
  pqxx::nontransaction n(pg);
  for (auto row : n.exec_params("SELECT k, v FROM kv WHERE shard = $1", cfg.shard)) {
    redisReply *r = static_cast<redisReply *>(
        redisCommand(redis, "SET %s %s", row[0].c_str(), row[1].c_str()));
    freeReplyObject(r);
  }
  redisFree(redis);
}

int main() {
  std::vector<ShardConfig> shards;
  for (int i = 0; i < 4; ++i) shards.push_back({"dbname=kv", "127.0.0.1", i});
  std::vector<std::thread> ts;
  for (const auto &s : shards) ts.emplace_back(warm_shard, std::cref(s));
  for (auto &t : ts) t.join();
}
