#include <pqxx/pqxx>
#include <thread>

class App {
public:
  App() : conn_("dbname=app") {}
  pqxx::connection &db() { return conn_; }
private:
  pqxx::connection conn_;
};

void warm_cache(App &app) {
  std::thread loader([&app] { // BUG
    pqxx::work tx(app.db());
    tx.exec("SELECT * FROM hot_items");
  });
  pqxx::work audit(app.db());
  audit.exec("INSERT INTO audit VALUES ('warm')");
  audit.commit();
  loader.join();
}

int main() {
  App app;
  warm_cache(app);
}
