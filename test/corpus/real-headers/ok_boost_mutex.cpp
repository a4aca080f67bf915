#include <boost/thread.hpp>
#include <boost/thread/mutex.hpp>
#include <pqxx/pqxx>

boost::mutex mu;

void job(pqxx::connection &c) {
  boost::mutex::scoped_lock lock(mu);
  pqxx::work w(c);
  w.commit();
}

int main() {
  pqxx::connection c("dbname=x");
  boost::thread t(job, boost::ref(c));
  {
    boost::lock_guard<boost::mutex> g(mu);
    pqxx::work w(c);
    w.commit();
  }
  t.join();
}
