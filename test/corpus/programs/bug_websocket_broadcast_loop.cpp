// Websocket broadcaster: one coroutine per subscriber message, all writing
// through the hub's single connection to the message store.
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

  void broadcast(asio::io_context &io, const std::vector<int> &messages) {
    for (int msg : messages)
      asio::co_spawn(io, store(db_, msg), asio::detached); // BUG
  }

private:
  pqxx::connection db_;
};
