// RUN: %check_sessionlint %s -- %mock_flags -I %S/../../Inputs/mocked
// SPEC section 6 for the libraries Debian does not package, through mocks
// that follow their declarations (test/Inputs/mocked/libraries.h): each
// unsafe type shared with a task is reported, each pool or thread-safe type
// is not. The Debian-packaged libraries are covered on their real headers
// in test/integration/.
#include "libraries.h"
#include <boost/mysql.hpp>
#include <pqxx/pqxx>
#include <thread>

template <class T> void touch(T &);

void mongocxx_client_bad(mongocxx::client &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'mongocxx::client' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void mongocxx_client_session_bad(mongocxx::client_session &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'mongocxx::client_session' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void mongocxx_database_bad(mongocxx::database &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'mongocxx::database' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void mongocxx_collection_bad(mongocxx::collection &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'mongocxx::collection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void mongocxx_cursor_bad(mongocxx::cursor &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'mongocxx::cursor' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void mysqlx_session_bad(mysqlx::Session &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'mysqlx::Session' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void wt_dbo_session_bad(Wt::Dbo::Session &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'Wt::Dbo::Session' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void nanodbc_connection_bad(nanodbc::connection &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'nanodbc::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void nanodbc_statement_bad(nanodbc::statement &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'nanodbc::statement' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void nanodbc_transaction_bad(nanodbc::transaction &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'nanodbc::transaction' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void sqlpp_postgresql_connection_bad(sqlpp::postgresql::connection &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'sqlpp::postgresql::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void sqlpp_mysql_connection_bad(sqlpp::mysql::connection &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'sqlpp::mysql::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void sqlpp_sqlite3_connection_bad(sqlpp::sqlite3::connection &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'sqlpp::sqlite3::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void tao_pq_connection_bad(tao::pq::connection &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'tao::pq::connection' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void sw_redis_pipeline_bad(sw::redis::Pipeline &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'sw::redis::Pipeline' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void sw_redis_transaction_bad(sw::redis::Transaction &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'sw::redis::Transaction' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void sw_redis_subscriber_bad(sw::redis::Subscriber &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'sw::redis::Subscriber' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void cpr_session_bad(cpr::Session &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'cpr::Session' is shared with a task started by 'std::thread' while this function keeps using it [sessionlint-shared-across-tasks]
  touch(s);
  t.join();
}

void mysql_bad(MYSQL *s) {
  std::thread t([s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 's' of type 'MYSQL *' is shared with a task started by 'std::thread' while this function keeps using it
  touch(s);
  t.join();
}

void sqlhdbc_bad(SQLHDBC s) {
  std::thread t([s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 's' of type 'SQLHDBC' is shared with a task started by 'std::thread' while this function keeps using it
  touch(s);
  t.join();
}

void sqlhstmt_bad(SQLHSTMT s) {
  std::thread t([s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 's' of type 'SQLHSTMT' is shared with a task started by 'std::thread' while this function keeps using it
  touch(s);
  t.join();
}

void mongocxx_pool_ok(mongocxx::pool &s) {
  std::thread t([&s] { touch(s); });
  touch(s);
  t.join();
}

void tao_pq_connection_pool_ok(tao::pq::connection_pool &s) {
  std::thread t([&s] { touch(s); });
  touch(s);
  t.join();
}

void sw_redis_redis_ok(sw::redis::Redis &s) {
  std::thread t([&s] { touch(s); });
  touch(s);
  t.join();
}

void sw_redis_rediscluster_ok(sw::redis::RedisCluster &s) {
  std::thread t([&s] { touch(s); });
  touch(s);
  t.join();
}

void boost_redis_connection_ok(boost::redis::connection &s) {
  std::thread t([&s] { touch(s); });
  touch(s);
  t.join();
}

void drogon_orm_dbclient_ok(drogon::orm::DbClient &s) {
  std::thread t([&s] { touch(s); });
  touch(s);
  t.join();
}

void casssession_ok(CassSession *s) {
  std::thread t([s] { touch(s); });
  touch(s);
  t.join();
}

void st_mysql_struct_bad(st_mysql *s) {
  std::thread t([s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 's' of type 'st_mysql *' is shared with a task started by 'std::thread' while this function keeps using it
  touch(s);
  t.join();
}

void curl_easy_struct_bad(Curl_easy *s) {
  std::thread t([s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: session 's' of type 'Curl_easy *' is shared with a task started by 'std::thread' while this function keeps using it
  touch(s);
  t.join();
}

void boost_mysql_tcp_connection_bad(boost::mysql::tcp_connection &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'boost::mysql::tcp_connection' is shared with a task started by 'std::thread' while this function keeps using it
  touch(s);
  t.join();
}

void boost_mysql_connection_template_bad(boost::mysql::connection<boost::asio::ip::tcp_socket> &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'boost::mysql::connection<boost::asio::basic_stream_socket<boost::asio::ip::tcp>>' is shared with a task started by 'std::thread' while this function keeps using it
  touch(s);
  t.join();
}

void boost_mysql_pooled_connection_bad(boost::mysql::pooled_connection &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'boost::mysql::pooled_connection' is shared with a task started by 'std::thread' while this function keeps using it
  touch(s);
  t.join();
}

void pqxx_basic_connection_bad(pqxx::basic_connection<int> &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'pqxx::basic_connection<int>' is shared with a task started by 'std::thread' while this function keeps using it
  touch(s);
  t.join();
}

void boost_mysql_connection_pool_ok(boost::mysql::connection_pool &s) {
  std::thread t([&s] { touch(s); });
  touch(s);
  t.join();
}

void cass_session_struct_ok(CassSession_ *s) {
  std::thread t([s] { touch(s); });
  touch(s);
  t.join();
}

void boost_mysql_tcp_ssl_connection_bad(boost::mysql::tcp_ssl_connection &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'boost::mysql::tcp_ssl_connection' is shared with a task started by 'std::thread' while this function keeps using it
  touch(s);
  t.join();
}

void boost_mysql_unix_connection_bad(boost::mysql::unix_connection &s) {
  std::thread t([&s] { touch(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 's' of type 'boost::mysql::unix_connection' is shared with a task started by 'std::thread' while this function keeps using it
  touch(s);
  t.join();
}
