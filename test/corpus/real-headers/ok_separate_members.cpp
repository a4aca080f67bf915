#include <atomic>
#include <chrono>
#include <pqxx/pqxx>
#include <thread>

class Syncer {
public:
  Syncer() : main_db_("dbname=a"), bg_db_("dbname=a") {}
  void run() {
    std::thread bg([this] {
      for (int i = 0; i < 10; ++i) {
        pqxx::work w(bg_db_);
        w.exec("SELECT sync()");
        w.commit();
      }
    });
    for (int i = 0; i < 10; ++i) {
      pqxx::work w(main_db_);
      w.exec("SELECT serve()");
      w.commit();
    }
    bg.join();
  }

private:
  pqxx::connection main_db_;
  pqxx::connection bg_db_;
};

int main() { Syncer s; s.run(); }
