// HTTP server: every request thread leases its own session from the pool.
#include <soci/soci.h>
#include <thread>
#include <vector>

class Server {
public:
  explicit Server(soci::connection_pool &pool) : pool_(pool) {}

  void serve(int requests) {
    std::vector<std::thread> workers;
    for (int i = 0; i < requests; ++i)
      workers.emplace_back([this, i] {
        soci::session &sql = pool_.at(i);
        sql.once("insert into hits values (1)");
      });
    for (auto &w : workers)
      w.join();
  }

private:
  soci::connection_pool &pool_;
};
