#include <memory>
#include <pqxx/pqxx>
#include <thread>

class Exporter : public std::enable_shared_from_this<Exporter> {
public:
  Exporter() : db_("dbname=e") {}
  void run_detached() {
    auto self = shared_from_this();
    std::thread([self] { self->export_all(); }).detach();
  }
private:
  void export_all() {
    pqxx::work w(db_);
    w.exec("COPY t TO '/tmp/t.csv'");
    w.commit();
  }
  pqxx::connection db_;
};

int main() {
  std::make_shared<Exporter>()->run_detached();
}
