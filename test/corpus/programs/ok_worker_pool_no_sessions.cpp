// Image resizer: plenty of threads, no session in sight.
#include <thread>
#include <vector>

struct Image { int w, h; };

void resize(Image &img) { img.w /= 2; img.h /= 2; }

void resize_all(std::vector<Image> &images) {
  std::vector<std::thread> workers;
  for (auto &img : images)
    workers.emplace_back([&img] { resize(img); });
  for (auto &w : workers)
    w.join();
}
