#include <mutex>
#include <pqxx/pqxx>
#include <thread>

class Store {
public:
  Store() : db_("dbname=s") {
    pqxx::work w(db_);
    w.exec("CREATE TABLE IF NOT EXISTS kv (k text, v text)");
    w.commit();
  }
  void put(const std::string &k, const std::string &v) {
    std::scoped_lock lock(mu_);
    pqxx::work w(db_);
    w.exec("INSERT INTO kv VALUES (" + w.quote(k) + "," + w.quote(v) + ")");
    w.commit();
  }

private:
  std::mutex mu_;
  pqxx::connection db_;
};

int main() {
  Store s;
  std::thread a([&s] { s.put("a", "1"); });
  std::thread b([&s] { s.put("b", "2"); });
  a.join();
  b.join();
}
