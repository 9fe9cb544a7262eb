#include "scanner/decode_worker.hpp"

#include <utility>

namespace kiosk {

DecodeWorker::DecodeWorker(DecodeOptions options) : m_stillOptions(options), m_frameOptions(options) {
  m_frameOptions.firstPassOnly = true;
  m_thread = std::thread([this] { run(); });
}

DecodeWorker::~DecodeWorker() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wake.notify_all();
  m_thread.join();
  // the thread has gone: nothing else touches the queues now
  for (auto& job : m_stills) job.promise.set_value(refused("the decoder was shut down"));
  if (m_frame) m_frame->promise.set_value(refused("the decoder was shut down"));
}

std::future<DecodeResult> DecodeWorker::submit(GrayImage image) {
  Job job{std::move(image), {}};
  auto future = job.promise.get_future();
  {
    std::lock_guard lock(m_mutex);
    if (m_stopping) {
      job.promise.set_value(refused("the decoder was shut down"));
      return future;
    }
    m_stills.push_back(std::move(job));
  }
  m_wake.notify_one();
  return future;
}

std::future<DecodeResult> DecodeWorker::submitFrame(GrayImage frame) {
  Job job{std::move(frame), {}};
  auto future = job.promise.get_future();
  std::optional<Job> stale;
  {
    std::lock_guard lock(m_mutex);
    if (m_stopping) {
      job.promise.set_value(refused("the decoder was shut down"));
      return future;
    }
    if (m_frame) {
      stale = std::move(m_frame);
      ++m_framesDropped;
    }
    m_frame = std::move(job);
  }
  m_wake.notify_one();
  // answered outside the lock: a continuation on the future must not run under our mutex
  if (stale) stale->promise.set_value(refused("frame dropped: a newer frame arrived before it was decoded"));
  return future;
}

std::uint64_t DecodeWorker::framesDecoded() const {
  std::lock_guard lock(m_mutex);
  return m_framesDecoded;
}

std::uint64_t DecodeWorker::framesDropped() const {
  std::lock_guard lock(m_mutex);
  return m_framesDropped;
}

void DecodeWorker::run() {
  for (;;) {
    Job job;
    bool isFrame = false;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stopping || !m_stills.empty() || m_frame.has_value(); });
      if (m_stopping) return;
      // a still is what someone asked for by hand: it goes before the camera's stream
      if (!m_stills.empty()) {
        job = std::move(m_stills.front());
        m_stills.pop_front();
      } else {
        job = std::move(*m_frame);
        m_frame.reset();
        isFrame = true;
      }
    }
    DecodeResult result = m_decoder.decode(job.image, isFrame ? m_frameOptions : m_stillOptions);
    if (isFrame) {
      std::lock_guard lock(m_mutex);
      ++m_framesDecoded;
    }
    job.promise.set_value(std::move(result));
  }
}

}  // namespace kiosk
