// Websocket session: the ping handler is dispatched with the session's
// statement while the read loop steps the same statement.
#include <boost/asio.hpp>
#include <sqlite3.h>

namespace asio = boost::asio;

void handle_frame(asio::io_context &io, sqlite3_stmt *insert) {
  asio::dispatch(io, [insert] { sqlite3_step(insert); }); // BUG
  sqlite3_reset(insert);
  sqlite3_step(insert);
}
