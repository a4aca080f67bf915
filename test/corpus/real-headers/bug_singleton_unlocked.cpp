#include <pqxx/pqxx>
#include <thread>

class Db {
public:
  static Db &instance() { static Db db; return db; }
  pqxx::connection &conn() { return conn_; }
private:
  Db() : conn_("dbname=app") {}
  pqxx::connection conn_;
};

void audit(const char *what) {
  pqxx::work w(Db::instance().conn());
  w.exec("INSERT INTO audit VALUES (" + w.quote(what) + ")");
  w.commit();
}

int main() {
  std::thread t(audit, "startup"); // BUG
  audit("main");
  t.join();
}
