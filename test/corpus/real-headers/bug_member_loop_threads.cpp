#include <soci/soci.h>
#include <string>
#include <thread>
#include <vector>

class Loader {
public:
  explicit Loader(const std::string &cs) : sql_("postgresql", cs) {}
  void start(int n) {
    for (int i = 0; i < n; ++i)
      threads_.emplace_back([this, i] { sql_ << "SELECT load_part(" << i << ")"; }); // BUG
  }
  void wait() { for (auto &t : threads_) t.join(); }
private:
  soci::session sql_;
  std::vector<std::thread> threads_;
};

int main() {
  Loader l("dbname=x");
  l.start(4);
  l.wait();
}
