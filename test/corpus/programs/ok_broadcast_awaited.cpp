// Websocket broadcaster, fixed: each store is awaited before the next, so
// the hub's connection is used by one coroutine at a time.
#include <boost/asio.hpp>
#include <pqxx/pqxx>
#include <vector>

namespace asio = boost::asio;

class Hub {
public:
  asio::awaitable<void> store(pqxx::connection &db, int msg) {
    pqxx::work tx(db);
    tx.exec("insert into messages values (1)");
    tx.commit();
    co_return;
  }

  asio::awaitable<void> broadcast(std::vector<int> messages) {
    for (int msg : messages)
      co_await store(db_, msg);
  }

private:
  pqxx::connection db_;
};
