// RUN: %check_sessionlint --check-options="{sessionlint-thread-affinity.ThreadAffineTypes: 'ui::.*Handle'}" %s -- %mock_flags -I %S/../../../include
// Thread-affine types of the user's own: the ThreadAffineTypes option and
// the SESSIONLINT_THREAD_AFFINE annotation.
#include <sessionlint/annotations.h>
#include <thread>

namespace ui {
class WindowHandle {
public:
  void repaint() {}
};
} // namespace ui

class SESSIONLINT_THREAD_AFFINE GlContext {
public:
  void draw() {}
};

void option_type_bad(ui::WindowHandle &w) {
  std::thread t([&w] { w.repaint(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'w' of type 'ui::WindowHandle' may only be used from the thread that created it, but a task started by 'std::thread' uses it [sessionlint-thread-affinity]
  t.join();
}

void annotated_type_bad(GlContext &gl) {
  std::thread t([&gl] { gl.draw(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'gl' of type 'GlContext' may only be used from the thread that created it, but a task started by 'std::thread' uses it
  t.join();
}

void created_in_task_ok() {
  std::thread t([] {
    GlContext gl;
    gl.draw();
  });
  t.join();
}
