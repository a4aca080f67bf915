// A job runner that polls its queue table in a chain of queries and keeps
// the MySQL connection alive with a periodic "SELECT 1" from a timer. The
// timer fires whenever it fires: its ping can start while a poll is in
// flight on the same connection (Boost.MySQL: operation_in_progress).
#include <boost/asio.hpp>
#include <boost/mysql.hpp>
#include <memory>

namespace asio = boost::asio;
namespace mysql = boost::mysql;

class JobRunner : public std::enable_shared_from_this<JobRunner> {
public:
  JobRunner(asio::any_io_executor ex) : conn_(ex), keepalive_(ex) {}

  void run() {
    poll();
    schedule_keepalive();
  }

private:
  void poll() {
    conn_.async_execute("SELECT id FROM jobs WHERE state = 'new' LIMIT 10", jobs_,
                        [self = shared_from_this()](int ec, unsigned long) {
                          if (ec)
                            return;
                          self->handle_jobs();
                          self->poll();
                        });
  }

  void handle_jobs() { ++handled_; }

  void schedule_keepalive() {
    keepalive_.expires_after(60);
    keepalive_.async_wait([self = shared_from_this()](int ec) {
      if (ec)
        return;
      self->ping();
      self->schedule_keepalive();
    });
  }

  void ping() {
    conn_.async_execute("SELECT 1", pong_, [](int, unsigned long) {}); // BUG
  }

  mysql::any_connection conn_;
  asio::steady_timer keepalive_;
  mysql::results jobs_, pong_;
  int handled_ = 0;
};
