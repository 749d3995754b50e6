// Work split into a fixed list of tasks, run on a chosen number of threads, with results
// that do not depend on that number: each task writes only its own slot, and whatever is
// combined afterwards is combined in task order. This is what makes reports byte-identical
// whatever the thread count (docs/mathematics.md §5).
//
// Threads share the process-wide default precision of run-time-precision MPFR types
// (docs/numerics.md), so run those with one thread or set the precision before starting.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace twolayer {

/// Calls task(i) for every i in [0, count) on `threads` threads (0 or 1: the calling thread).
/// The first exception thrown by a task is rethrown here, after all threads have stopped.
template <class Task>
void for_each_task(std::size_t count, unsigned threads, const Task& task)
{
  if (threads <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i)
      task(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    for (std::size_t i = next++; i < count && !failed; i = next++) {
      try {
        task(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error)
          error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  const unsigned used = threads < count ? threads : static_cast<unsigned>(count);
  for (unsigned t = 0; t + 1 < used; ++t)
    pool.emplace_back(worker);
  worker();
  for (auto& thread : pool)
    thread.join();
  if (error)
    std::rethrow_exception(error);
}

}  // namespace twolayer
