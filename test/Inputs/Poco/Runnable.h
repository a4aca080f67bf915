#pragma once
// Mock of Poco::Runnable: Thread::start and ThreadPool::start call run().
namespace Poco {
class Runnable {
public:
  virtual ~Runnable() = default;
  virtual void run() = 0;
};
} // namespace Poco
