// RUN: %check_sessionlint %s -- %real_flags
// Real headers: MySQL Connector/C++ (libmysqlcppconn-dev, the JDBC-style
// API) and POCO Data (libpoco-dev) with its session pool.
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <memory>
#include <thread>

void mysql_connection_shared_bad(sql::Connection *con) {
  std::thread reporter([con] {
    std::unique_ptr<sql::Statement> st(con->createStatement());
    st->execute("select 1");
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:25: warning: session 'con' of type 'sql::Connection *' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  std::unique_ptr<sql::Statement> st(con->createStatement());
  st->execute("select 2");
  reporter.join();
}

void mysql_joined_first_ok(sql::Connection *con) {
  std::thread reporter([con] {
    std::unique_ptr<sql::Statement> st(con->createStatement());
    st->execute("select 1");
  });
  reporter.join();
  std::unique_ptr<sql::Statement> st(con->createStatement());
  st->execute("select 2");
}

void poco_session_shared_bad(Poco::Data::Session &session) {
  std::thread cleaner([&session] { session.begin(); session.commit(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: session 'session' of type 'Poco::Data::Session' is shared with a task started by 'std::thread'
  session.begin();
  cleaner.join();
}

void poco_pool_ok(Poco::Data::SessionPool &pool) {
  std::thread cleaner([&pool] {
    Poco::Data::Session own(pool.get());
    own.begin();
    own.commit();
  });
  Poco::Data::Session mine(pool.get());
  mine.begin();
  cleaner.join();
}
