#pragma once
// The bench camera as a barcode scanner: a thread reads frames from a FrameSource (the V4L2
// camera, or a folder of photos when replaying a problem), the DecodeWorker decodes them off the
// UI thread (latest frame wins), and each newly seen code is handed to the UI once.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "scanner/decode_worker.hpp"
#include "scanner/frame_source.hpp"

namespace kiosk {

struct CameraRead {
  std::string text;
  std::string format;
};

class CameraScanner {
 public:
  // The same code seen again within this long is the same scan (a label held under the camera).
  static constexpr std::chrono::milliseconds kRepeatWindow{3000};

  // Starts reading `source` at once. `wake` is called (from the camera thread) when a code is
  // ready, so a sleeping UI wakes to take it.
  CameraScanner(std::unique_ptr<FrameSource> source, std::function<void()> wake = {});
  ~CameraScanner();  // stops and joins
  CameraScanner(const CameraScanner&) = delete;
  CameraScanner& operator=(const CameraScanner&) = delete;

  // Codes read since the last call, oldest first.
  [[nodiscard]] std::vector<CameraRead> take();
  // Which camera, and whether it still delivers: for the settings screen.
  [[nodiscard]] std::string describe() const;
  [[nodiscard]] bool stopped() const;
  [[nodiscard]] std::uint64_t framesDecoded() const { return m_decoder.framesDecoded(); }

 private:
  void run();
  void offer(const DecodedCode& code);

  std::unique_ptr<FrameSource> m_source;
  std::function<void()> m_wake;
  DecodeWorker m_decoder;
  mutable std::mutex m_mutex;
  std::condition_variable m_stop;
  bool m_stopping = false;
  bool m_stopped = false;  // the source ended or failed for good
  std::vector<CameraRead> m_reads;
  std::string m_lastText;
  std::chrono::steady_clock::time_point m_lastAt{};
  std::thread m_thread;  // last: started when everything it uses exists
};

}  // namespace kiosk
