#pragma once
// Mock of Poco::Activity: start() runs (owner->*method)() on a thread of
// the default pool; stop() asks it to end, wait() waits for it; the
// destructor does both.
#include <Poco/RunnableAdapter.h>
#include <Poco/ThreadPool.h>
namespace Poco {
template <class C> class Activity : public Runnable {
public:
  typedef RunnableAdapter<C> RunnableAdapterType;
  typedef typename RunnableAdapterType::Callback Callback;
  Activity(C *pOwner, Callback method) : _runnable(*pOwner, method) {}
  ~Activity() {
    stop();
    wait();
  }
  void start();
  void start(ThreadPool &pool);
  void stop() { _stopped = true; }
  void wait();
  void wait(long milliseconds);
  bool isStopped() const { return _stopped; }
  bool isRunning() const { return _running; }

protected:
  void run() override { _runnable.run(); }

private:
  RunnableAdapterType _runnable;
  bool _stopped = true;
  bool _running = false;
};
} // namespace Poco
