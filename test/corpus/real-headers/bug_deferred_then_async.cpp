// A deferred future is harmless, but the second call uses the default policy.
#include <future>
#include <pqxx/pqxx>

int count_rows(pqxx::connection &c) {
  pqxx::work w(c);
  return w.exec1("SELECT count(*) FROM t")[0].as<int>();
}

int main() {
  pqxx::connection conn("dbname=app");
  auto lazy = std::async(std::launch::deferred, count_rows, std::ref(conn));
  auto eager = std::async(count_rows, std::ref(conn)); // BUG
  pqxx::work w(conn);
  w.exec("UPDATE t SET x = 1");
  w.commit();
  return lazy.get() + eager.get();
}
