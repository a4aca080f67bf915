#include <mysql_driver.h>
#include <mysql_connection.h>
#include <cppconn/statement.h>
#include <memory>
#include <thread>

static void purge(sql::Connection *c) {
  std::unique_ptr<sql::Statement> st(c->createStatement());
  st->execute("DELETE FROM sessions WHERE expired = 1");
}

int main() {
  sql::mysql::MySQL_Driver *driver = sql::mysql::get_mysql_driver_instance();
  std::unique_ptr<sql::Connection> con(driver->connect("tcp://127.0.0.1:3306", "u", "p"));
  std::thread janitor(purge, con.get()); // BUG
  std::unique_ptr<sql::Statement> st(con->createStatement());
  st->execute("INSERT INTO visits VALUES (1)");
  janitor.join();
}
