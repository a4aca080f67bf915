#include <soci/soci.h>
#include <string>
#include <thread>
#include <vector>

class Importer {
public:
  explicit Importer(std::string conn) : conn_(std::move(conn)) {}
  void import_all(const std::vector<std::string> &files) {
    std::vector<std::thread> ts;
    for (const auto &f : files)
      ts.emplace_back(&Importer::import_one, this, f);
    for (auto &t : ts) t.join();
    soci::session sql("postgresql", conn_);
    sql << "ANALYZE";
  }
private:
  void import_one(std::string file) {
    soci::session sql("postgresql", conn_);
    sql << "COPY t FROM '" << file << "'";
  }
  std::string conn_;
};

int main() { Importer i("dbname=x"); i.import_all({"a.csv", "b.csv"}); }
