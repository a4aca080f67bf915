#pragma once
// Mock of Poco::Thread: start(runnable) runs runnable.run() on the new
// thread; start(callable, data) runs callable(data); join() waits.
#include <Poco/Runnable.h>
namespace Poco {
class Thread {
public:
  typedef void (*Callable)(void *);
  void start(Runnable &target) {}
  void start(Callable target, void *pData = nullptr) {}
  template <class Functor> void startFunc(Functor fn) {}
  void join() {}
  bool tryJoin(long milliseconds) { return true; }
};
} // namespace Poco
