#include <pqxx/pqxx>
#include <string>
#include <thread>

class Worker {
public:
  explicit Worker(const std::string &dsn) : db_(dsn) {}
  void start() { t_ = std::thread([this] { pqxx::work w(db_); w.exec("SELECT 1"); w.commit(); }); }
  void join() { t_.join(); }
private:
  pqxx::connection db_;
  std::thread t_;
};

int main() {
  Worker a("dbname=a"), b("dbname=b");
  a.start();
  b.start();
  a.join();
  b.join();
}
