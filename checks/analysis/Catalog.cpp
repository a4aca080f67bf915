#include "Catalog.h"

#include "llvm/ADT/StringMap.h"
#include <array>

namespace sessionlint {
namespace {

constexpr Verdict U = Verdict::Unsafe;
constexpr Verdict S = Verdict::ThreadSafe;
constexpr Verdict A = Verdict::ThreadAffine;
constexpr EntryKind C = EntryKind::Class;
constexpr EntryKind P = EntryKind::PointeeOfHandle;
constexpr EntryKind H = EntryKind::HandleTypedef;

// Keep entries grouped by library; docs/catalog.md lists the same table.
const CatalogEntry Entries[] = {
    // libpq: "a PGconn must not be used by two threads at once".
    {"libpq", "PGconn", P, U, "libpq manual, 34.19 Behavior in Threaded Programs"},
    {"libpq", "pg_conn", P, U, "libpq manual, 34.19 Behavior in Threaded Programs"},
    // libpqxx: connection and everything built on it share its "world".
    {"libpqxx", "pqxx::connection", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::connection_base", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::basic_connection", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::transaction_base", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::dbtransaction", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::transaction", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::work", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::read_transaction", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::nontransaction", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::subtransaction", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::robusttransaction", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::pipeline", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::stream_from", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::stream_to", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::icursorstream", C, U, "libpqxx docs, Thread safety"},
    {"libpqxx", "pqxx::stateless_cursor", C, U, "libpqxx docs, Thread safety"},
    // SOCI
    {"SOCI", "soci::session", C, U, "SOCI docs, Multithreading and SOCI"},
    {"SOCI", "soci::connection_pool", C, S, "SOCI docs, Connection pool"},
    // SQLite: transaction state is per connection even in serialized mode.
    {"SQLite", "sqlite3", P, U, "sqlite.org, Using SQLite In Multi-Threaded Applications"},
    {"SQLite", "sqlite3_stmt", P, U, "sqlite.org, Using SQLite In Multi-Threaded Applications"},
    {"SQLiteCpp", "SQLite::Database", C, U, "SQLiteCpp README, Thread-safety"},
    {"SQLiteCpp", "SQLite::Statement", C, U, "SQLiteCpp README, Thread-safety"},
    {"SQLiteCpp", "SQLite::Transaction", C, U, "SQLiteCpp README, Thread-safety"},
    // MySQL
    {"MySQL C API", "MYSQL", P, U, "MySQL C API, Writing C API Threaded Client Programs"},
    {"MySQL C API", "st_mysql", P, U, "MySQL C API, Writing C API Threaded Client Programs"},
    {"MySQL Connector/C++", "sql::Connection", C, U, "Connector/C++ docs, thread safety"},
    {"MySQL Connector/C++", "mysqlx::Session", C, U, "Connector/C++ X DevAPI, Session"},
    {"Boost.MySQL", "boost::mysql::any_connection", C, U, "Boost.MySQL, Thread safety"},
    {"Boost.MySQL", "boost::mysql::connection", C, U, "Boost.MySQL, Thread safety"},
    {"Boost.MySQL", "boost::mysql::tcp_connection", C, U, "Boost.MySQL, Thread safety"},
    {"Boost.MySQL", "boost::mysql::tcp_ssl_connection", C, U, "Boost.MySQL, Thread safety"},
    {"Boost.MySQL", "boost::mysql::unix_connection", C, U, "Boost.MySQL, Thread safety"},
    {"Boost.MySQL", "boost::mysql::pooled_connection", C, U, "Boost.MySQL, Connection pools"},
    {"Boost.MySQL", "boost::mysql::connection_pool", C, S, "Boost.MySQL, Connection pools"},
    // mongocxx
    {"mongocxx", "mongocxx::client", C, U, "mongocxx docs, Thread and fork safety"},
    {"mongocxx", "mongocxx::client_session", C, U, "mongocxx docs, Thread and fork safety"},
    {"mongocxx", "mongocxx::database", C, U, "mongocxx docs, Thread and fork safety"},
    {"mongocxx", "mongocxx::collection", C, U, "mongocxx docs, Thread and fork safety"},
    {"mongocxx", "mongocxx::cursor", C, U, "mongocxx docs, Thread and fork safety"},
    {"mongocxx", "mongocxx::pool", C, S, "mongocxx docs, Thread and fork safety"},
    // Others
    {"POCO Data", "Poco::Data::Session", C, U, "POCO Data manual, Session"},
    {"POCO Data", "Poco::Data::SessionPool", C, S, "POCO Data manual, SessionPool"},
    {"Wt::Dbo", "Wt::Dbo::Session", C, U, "Wt::Dbo tutorial, Sessions and threads"},
    {"nanodbc", "nanodbc::connection", C, U, "nanodbc docs"},
    {"nanodbc", "nanodbc::statement", C, U, "nanodbc docs"},
    {"nanodbc", "nanodbc::transaction", C, U, "nanodbc docs"},
    {"ODBC", "SQLHDBC", H, U, "ODBC programmer's reference, Multithreading"},
    {"ODBC", "SQLHSTMT", H, U, "ODBC programmer's reference, Multithreading"},
    {"sqlpp11", "sqlpp::postgresql::connection", C, U, "sqlpp11 connector docs"},
    {"sqlpp11", "sqlpp::mysql::connection", C, U, "sqlpp11 connector docs"},
    {"sqlpp11", "sqlpp::sqlite3::connection", C, U, "sqlpp11 connector docs"},
    {"taoPQ", "tao::pq::connection", C, U, "taoPQ docs, Connection"},
    {"taoPQ", "tao::pq::connection_pool", C, S, "taoPQ docs, Connection Pool"},
    // Redis
    {"hiredis", "redisContext", P, U, "hiredis README, thread safety"},
    {"hiredis", "redisAsyncContext", P, U, "hiredis README, thread safety"},
    {"redis-plus-plus", "sw::redis::Pipeline", C, U, "redis-plus-plus README, Pipeline"},
    {"redis-plus-plus", "sw::redis::Transaction", C, U, "redis-plus-plus README, Transaction"},
    {"redis-plus-plus", "sw::redis::Subscriber", C, U, "redis-plus-plus README, Subscriber"},
    {"redis-plus-plus", "sw::redis::Redis", C, S, "redis-plus-plus README, thread safety"},
    {"redis-plus-plus", "sw::redis::RedisCluster", C, S, "redis-plus-plus README, thread safety"},
    {"Boost.Redis", "boost::redis::connection", C, S, "Boost.Redis docs, connection"},
    // HTTP, TLS, SSH
    {"libcurl", "CURL", P, U, "libcurl-thread(3)"},
    {"libcurl", "Curl_easy", P, U, "libcurl-thread(3)"},
    {"cpr", "cpr::Session", C, U, "cpr docs, Session"},
    {"Boost.Beast", "boost::beast::websocket::stream", C, U, "Beast docs, Thread safety"},
    {"Boost.Beast", "boost::beast::basic_stream", C, U, "Beast docs, Thread safety"},
    {"Boost.Beast", "boost::beast::tcp_stream", C, U, "Beast docs, Thread safety"},
    {"Boost.Beast", "boost::beast::ssl_stream", C, U, "Beast docs, Thread safety"},
    {"Boost.Asio", "boost::asio::ssl::stream", C, U, "Asio docs, ssl::stream thread safety"},
    {"Asio", "asio::ssl::stream", C, U, "Asio docs, ssl::stream thread safety"},
    {"OpenSSL", "SSL", P, U, "OpenSSL threads(7)"},
    {"OpenSSL", "ssl_st", P, U, "OpenSSL threads(7)"},
    {"OpenSSL", "SSL_CTX", P, S, "OpenSSL threads(7)"},
    {"OpenSSL", "ssl_ctx_st", P, S, "OpenSSL threads(7)"},
    {"libssh", "ssh_session", H, U, "libssh docs, Threading with libssh"},
    {"libssh", "ssh_channel", H, U, "libssh docs, Threading with libssh"},
    {"libssh2", "LIBSSH2_SESSION", P, U, "libssh2 docs, thread safety"},
    {"libssh2", "_LIBSSH2_SESSION", P, U, "libssh2 docs, thread safety"},
    {"libssh2", "LIBSSH2_CHANNEL", P, U, "libssh2 docs, thread safety"},
    {"libssh2", "_LIBSSH2_CHANNEL", P, U, "libssh2 docs, thread safety"},
    {"libssh2", "LIBSSH2_SFTP", P, U, "libssh2 docs, thread safety"},
    {"libssh2", "_LIBSSH2_SFTP", P, U, "libssh2 docs, thread safety"},
    {"libssh2", "LIBSSH2_SFTP_HANDLE", P, U, "libssh2 docs, thread safety"},
    {"libssh2", "_LIBSSH2_SFTP_HANDLE", P, U, "libssh2 docs, thread safety"},
    // Thread-safe by documentation.
    {"Cassandra C++ driver", "CassSession", P, S, "DataStax C++ driver, thread safety"},
    {"Cassandra C++ driver", "CassSession_", P, S, "DataStax C++ driver, thread safety"},
    {"Drogon", "drogon::orm::DbClient", C, S, "Drogon wiki, DbClient"},
    // Thread-affine
    {"Qt SQL", "QSqlDatabase", C, A, "Qt docs, Threads and the SQL Module"},
    {"Qt SQL", "QSqlQuery", C, A, "Qt docs, Threads and the SQL Module"},
};

} // namespace

llvm::ArrayRef<CatalogEntry> builtinCatalog() { return Entries; }

const CatalogEntry *findCatalogEntry(llvm::StringRef QualifiedName,
                                     EntryKind Kind) {
  static const std::array<llvm::StringMap<const CatalogEntry *>, 3> ByName = [] {
    std::array<llvm::StringMap<const CatalogEntry *>, 3> Maps;
    for (const CatalogEntry &E : Entries)
      Maps[static_cast<int>(E.Kind)].try_emplace(E.Name, &E);
    return Maps;
  }();
  const auto &Map = ByName[static_cast<int>(Kind)];
  auto It = Map.find(QualifiedName);
  return It == Map.end() ? nullptr : It->second;
}

} // namespace sessionlint
