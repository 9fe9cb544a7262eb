#include "kiosk/app/background_tasks.hpp"

namespace kiosk {

BackgroundTasks::BackgroundTasks(std::function<void()> wake)
    : m_wake(std::move(wake)), m_worker([this] { loop(); }) {}

BackgroundTasks::~BackgroundTasks() {
  {
    const std::scoped_lock lock(m_mutex);
    m_stopping = true;
    m_queue.clear();
  }
  m_changed.notify_all();
  m_worker.join();
}

void BackgroundTasks::post(std::function<void()> job) {
  {
    const std::scoped_lock lock(m_mutex);
    m_queue.push_back(std::move(job));
  }
  m_changed.notify_all();
}

std::size_t BackgroundTasks::busy() const {
  const std::scoped_lock lock(m_mutex);
  return m_queue.size() + m_running;
}

void BackgroundTasks::waitUntilIdle() const {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [this] { return m_queue.empty() && m_running == 0; });
}

void BackgroundTasks::loop() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
      if (m_stopping) return;
      job = std::move(m_queue.front());
      m_queue.pop_front();
      ++m_running;
    }
    job();  // packaged_task: exceptions land in the future, never here
    {
      const std::scoped_lock lock(m_mutex);
      --m_running;
    }
    m_changed.notify_all();
    if (m_wake) m_wake();
  }
}

}  // namespace kiosk
