// Chat service on standalone Asio: the typing-indicator coroutine shares the
// room's connection with the message loop.
#include <asio.hpp>
#include <pqxx/pqxx>

asio::awaitable<void> typing_indicator(pqxx::connection &db) {
  pqxx::nontransaction tx(db);
  tx.exec("update rooms set typing = true");
  co_return;
}

asio::awaitable<void> message_loop(asio::io_context &io) {
  pqxx::connection db("dbname=chat");
  asio::co_spawn(io, typing_indicator(db), asio::detached); // BUG
  pqxx::nontransaction tx(db);
  tx.exec("insert into messages values (1)");
  co_return;
}
