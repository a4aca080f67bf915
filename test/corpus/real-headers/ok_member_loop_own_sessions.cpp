#include <soci/soci.h>
#include <string>
#include <thread>
#include <vector>

class Loader {
public:
  explicit Loader(std::string cs) : cs_(std::move(cs)), sql_("postgresql", cs_) {}
  void start(int n) {
    for (int i = 0; i < n; ++i)
      threads_.emplace_back([this, i] {
        soci::session own("postgresql", cs_);
        own << "SELECT load_part(" << i << ")";
      });
  }
  void wait() { for (auto &t : threads_) t.join(); }
  void summary() { sql_ << "SELECT count(*) FROM parts"; }
private:
  std::string cs_;
  soci::session sql_;
  std::vector<std::thread> threads_;
};

int main() {
  Loader l("dbname=x");
  l.start(4);
  l.summary();
  l.wait();
}
