// The same job runner, done right: the keep-alive ping runs only while no
// poll is in flight, and a poll that finds the connection busy with a
// ping waits for the ping's completion to start it.
#include <boost/asio.hpp>
#include <boost/mysql.hpp>
#include <memory>

namespace asio = boost::asio;
namespace mysql = boost::mysql;

class JobRunner : public std::enable_shared_from_this<JobRunner> {
public:
  JobRunner(asio::any_io_executor ex) : conn_(ex), keepalive_(ex), idle_(ex) {}

  void run() {
    poll();
    schedule_keepalive();
  }

private:
  void poll() {
    in_flight_ = true;
    conn_.async_execute("SELECT id FROM jobs WHERE state = 'new' LIMIT 10", jobs_,
                        [self = shared_from_this()](int ec, unsigned long) {
                          self->in_flight_ = false;
                          if (ec)
                            return;
                          self->wait_between_polls();
                        });
  }

  void wait_between_polls() {
    idle_.expires_after(1);
    idle_.async_wait([self = shared_from_this()](int) { self->poll(); });
  }

  void schedule_keepalive() {
    keepalive_.expires_after(60);
    keepalive_.async_wait([self = shared_from_this()](int ec) {
      if (ec)
        return;
      if (!self->in_flight_)
        self->ping();
      self->schedule_keepalive();
    });
  }

  void ping() {
    in_flight_ = true;
    conn_.async_execute("SELECT 1", pong_,
                        [self = shared_from_this()](int, unsigned long) { self->in_flight_ = false; });
  }

  mysql::any_connection conn_;
  asio::steady_timer keepalive_, idle_;
  mysql::results jobs_, pong_;
  bool in_flight_ = false;
};
