#pragma once
// Work that must not run on the UI thread (queries, decoding, printing, network) goes here; the
// screen keeps a Pending<T> and polls it each frame, so the frame never blocks.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace kiosk {

class BackgroundTasks {
 public:
  // `wake` is called from the worker when a job finishes, so an idle UI loop that waits for
  // events wakes up to show the result (glfwPostEmptyEvent in the real shell).
  explicit BackgroundTasks(std::function<void()> wake = {});
  BackgroundTasks(const BackgroundTasks&) = delete;
  BackgroundTasks& operator=(const BackgroundTasks&) = delete;
  ~BackgroundTasks();  // finishes the job in hand, drops the rest, joins

  template <class T>
  [[nodiscard]] std::future<T> run(std::function<T()> job) {
    auto task = std::make_shared<std::packaged_task<T()>>(std::move(job));
    std::future<T> result = task->get_future();
    post([task]() { (*task)(); });
    return result;
  }

  // Jobs queued or running: for a spinner and for tests that wait until the UI settles.
  [[nodiscard]] std::size_t busy() const;
  // Blocks until no job is queued or running (tests and --screenshot only, never a frame).
  void waitUntilIdle() const;

 private:
  void post(std::function<void()> job);
  void loop();

  std::function<void()> m_wake;
  mutable std::mutex m_mutex;
  mutable std::condition_variable m_changed;
  std::deque<std::function<void()>> m_queue;
  std::size_t m_running = 0;
  bool m_stopping = false;
  std::thread m_worker;
};

// A result on its way from the background: empty, pending, or ready once.
template <class T>
class Pending {
 public:
  Pending() = default;
  explicit Pending(std::future<T> future) : m_future(std::move(future)) {}
  [[nodiscard]] bool active() const { return m_future.valid(); }
  [[nodiscard]] bool ready() const {
    return m_future.valid() && m_future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  }
  // The result when ready (once), else nothing; never blocks.
  [[nodiscard]] std::optional<T> take() {
    if (!ready()) return std::nullopt;
    return m_future.get();
  }

 private:
  std::future<T> m_future;
};

}  // namespace kiosk
