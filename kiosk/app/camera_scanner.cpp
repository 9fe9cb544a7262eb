#include "kiosk/app/camera_scanner.hpp"

namespace kiosk {

CameraScanner::CameraScanner(std::unique_ptr<FrameSource> source, std::function<void()> wake)
    : m_source(std::move(source)), m_wake(std::move(wake)), m_thread([this] { run(); }) {}

CameraScanner::~CameraScanner() {
  {
    const std::scoped_lock lock(m_mutex);
    m_stopping = true;
  }
  m_stop.notify_all();
  m_thread.join();
}

std::vector<CameraRead> CameraScanner::take() {
  const std::scoped_lock lock(m_mutex);
  return std::exchange(m_reads, {});
}

std::string CameraScanner::describe() const { return m_source->describe(); }

bool CameraScanner::stopped() const {
  const std::scoped_lock lock(m_mutex);
  return m_stopped;
}

void CameraScanner::offer(const DecodedCode& code) {
  const auto now = std::chrono::steady_clock::now();
  {
    const std::scoped_lock lock(m_mutex);
    if (code.text == m_lastText && now - m_lastAt < kRepeatWindow) {
      m_lastAt = now;  // still held under the camera: not a new scan
      return;
    }
    m_lastText = code.text;
    m_lastAt = now;
    m_reads.push_back(CameraRead{code.text, code.format});
  }
  if (m_wake) m_wake();
}

void CameraScanner::run() {
  for (;;) {
    {
      const std::scoped_lock lock(m_mutex);
      if (m_stopping) return;
    }
    auto frame = m_source->nextFrame();
    if (!frame) {
      if (frame.error().kind == ErrorKind::BadInput) continue;  // one damaged frame: go on
      // The end of a folder, or a camera that stopped delivering: say so and stop reading.
      const std::scoped_lock lock(m_mutex);
      m_stopped = true;
      return;
    }
    // Waiting here is the camera thread's business only; the decoder drops frames that queue.
    auto decoded = m_decoder.submitFrame(std::move(*frame)).get();
    if (!decoded) continue;
    for (const auto& code : *decoded) offer(code);
  }
}

}  // namespace kiosk
