#pragma once
// Mock of Boost.Thread: boost::thread, joined by join(), detached by detach().
namespace boost {
class thread {
public:
  thread() = default;
  template <class F, class... A> explicit thread(F f, A... a) {}
  thread(thread &&) = default;
  void join() {}
  void detach() {}
  bool joinable() const { return true; }
};
} // namespace boost
