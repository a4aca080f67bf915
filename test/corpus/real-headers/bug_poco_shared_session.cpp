#include <Poco/Data/Session.h>
#include <Poco/Runnable.h>
#include <Poco/Thread.h>

class Job : public Poco::Runnable {
public:
  explicit Job(Poco::Data::Session &s) : s_(s) {}
  void run() override { s_ << "INSERT INTO t VALUES(1)", Poco::Data::Keywords::now; }
private:
  Poco::Data::Session &s_;
};

int main() {
  Poco::Data::Session session("SQLite", "x.db");
  Job a(session), b(session);
  Poco::Thread ta, tb;
  ta.start(a); // BUG
  tb.start(b);
  ta.join();
  tb.join();
}
