#pragma once
// Mock of Poco::ThreadPool: start(runnable) runs runnable.run() on a pooled
// thread; joinAll() waits for every one.
#include <Poco/Runnable.h>
namespace Poco {
class ThreadPool {
public:
  static ThreadPool &defaultPool() { static ThreadPool P; return P; }
  void start(Runnable &target) {}
  void startWithPriority(int priority, Runnable &target) {}
  void joinAll() {}
};
} // namespace Poco
