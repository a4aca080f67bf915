#pragma once
// Mocks of catalog libraries Debian does not package; see README.md.

// mongocxx: classes in the inline ABI namespace v_noabi.
namespace mongocxx {
inline namespace v_noabi {
class client {};
class client_session {};
class database {};
class collection {};
class cursor {};
class pool {};
} // namespace v_noabi
} // namespace mongocxx

// MySQL C API (mysql.h) and X DevAPI (mysqlx/xdevapi.h).
extern "C" {
typedef struct st_mysql MYSQL;
}
namespace mysqlx {
class Session {};
} // namespace mysqlx

// Wt::Dbo, nanodbc.
namespace Wt::Dbo {
class Session {};
} // namespace Wt::Dbo
namespace nanodbc {
class connection {};
class statement {};
class transaction {};
} // namespace nanodbc

// ODBC (sql.h): handles are typedefs of a void pointer.
extern "C" {
typedef void *SQLHANDLE;
typedef SQLHANDLE SQLHDBC;
typedef SQLHANDLE SQLHSTMT;
}

// sqlpp11 connectors.
namespace sqlpp {
namespace postgresql {
class connection {};
} // namespace postgresql
namespace mysql {
class connection {};
} // namespace mysql
namespace sqlite3 {
class connection {};
} // namespace sqlite3
} // namespace sqlpp

// taoPQ.
namespace tao::pq {
class connection {};
class connection_pool {};
} // namespace tao::pq

// redis-plus-plus: Pipeline and Transaction are aliases of QueuedRedis.
namespace sw::redis {
class PipelineImpl;
class TransactionImpl;
template <class Impl> class QueuedRedis {};
using Pipeline = QueuedRedis<PipelineImpl>;
using Transaction = QueuedRedis<TransactionImpl>;
class Subscriber {};
class Redis {};
class RedisCluster {};
} // namespace sw::redis

// Boost.Redis.
namespace boost::redis {
template <class Executor> class basic_connection {};
class connection {};
} // namespace boost::redis

// cpr.
namespace cpr {
class Session {};
} // namespace cpr

// Cassandra C/C++ driver (cassandra.h).
extern "C" {
typedef struct CassSession_ CassSession;
}

// Drogon.
namespace drogon::orm {
class DbClient {};
} // namespace drogon::orm

// libcurl before 7.62 named its handle struct Curl_easy.
struct Curl_easy;
