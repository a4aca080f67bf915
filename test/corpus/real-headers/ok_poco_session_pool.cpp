#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>

class Job : public Poco::Runnable {
public:
  explicit Job(Poco::Data::SessionPool &pool) : pool_(pool) {}
  void run() override {
    Poco::Data::Session s(pool_.get());
    s << "INSERT INTO t VALUES(1)", Poco::Data::Keywords::now;
  }
private:
  Poco::Data::SessionPool &pool_;
};

int main() {
  Poco::Data::SessionPool pool("SQLite", "x.db");
  Job a(pool), b(pool);
  Poco::Thread ta, tb;
  ta.start(a);
  tb.start(b);
  ta.join();
  tb.join();
}
