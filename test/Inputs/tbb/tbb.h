#pragma once
// Mock of oneTBB: the real names live in tbb::detail::d1 and are brought
// into tbb by using-declarations.
namespace tbb {
namespace detail::d1 {
template <class T> class blocked_range {
public:
  blocked_range(T b, T e) : b(b), e(e) {}
  T begin() const { return b; }
  T end() const { return e; }
private:
  T b, e;
};
template <class Range, class Body> void parallel_for(const Range &r, const Body &body) { body(r); }
template <class Index, class F> void parallel_for(Index first, Index last, const F &f) {}
template <class It, class F> void parallel_for_each(It first, It last, const F &f) {}
template <class... F> void parallel_invoke(F &&...f) {}
class task_group {
public:
  template <class F> void run(F &&f) {}
  void wait() {}
};
} // namespace detail::d1
using detail::d1::blocked_range;
using detail::d1::parallel_for;
using detail::d1::parallel_for_each;
using detail::d1::parallel_invoke;
using detail::d1::task_group;
} // namespace tbb
