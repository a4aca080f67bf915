#include <pqxx/pqxx>
#include <future>

int main() {
  pqxx::connection c("dbname=x");
  auto f = std::async(std::launch::async, [&c] {
    pqxx::work w(c);
    auto n = w.exec1("SELECT count(*) FROM t")[0].as<long>();
    w.commit();
    return n;
  });
  long n = f.get();
  pqxx::work w(c);
  w.exec("INSERT INTO counts VALUES (" + std::to_string(n) + ")");
  w.commit();
}
