#include <future>
#include <pqxx/pqxx>

class Report {
public:
  void start() {
    pending_ = std::async(std::launch::async, [this] { return build(); });
  }
  void annotate() {
    pqxx::work w(db_);
    w.exec("UPDATE reports SET note = 'x'");
    w.commit();
  }
  int finish() { return pending_.get(); }

private:
  int build() {
    pqxx::work w(db_);
    return w.exec1("SELECT build_report()")[0].as<int>();
  }
  pqxx::connection db_;
  std::future<int> pending_;
};

int main() {
  Report r;
  r.start(); // BUG
  r.annotate();
  return r.finish();
}
