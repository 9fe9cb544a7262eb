#pragma once
// Decoding off the UI thread: a worker thread that owns a BarcodeDecoder. Still pictures are
// decoded in turn, every one; camera frames are latest-wins, so a slow decode never builds up
// a queue of stale frames. Results come back as futures the UI polls with wait_for(0s).
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "scanner/barcode_decoder.hpp"

namespace kiosk {

using DecodeResult = Result<std::vector<DecodedCode>>;

class DecodeWorker {
 public:
  // `options` for still pictures; camera frames get the same with firstPassOnly set.
  explicit DecodeWorker(DecodeOptions options = {});
  DecodeWorker(const DecodeWorker&) = delete;
  DecodeWorker& operator=(const DecodeWorker&) = delete;
  // Finishes the decode in progress (bounded by the time limit), answers every waiting request
  // with a Refused error, and joins the thread.
  ~DecodeWorker();

  // A still picture (a file, a snapshot): all passes; decoded after the stills before it.
  [[nodiscard]] std::future<DecodeResult> submit(GrayImage image);
  // A camera frame: first pass only. A frame still waiting when a newer one comes is dropped
  // and its future answered with a Refused error ("frame dropped").
  [[nodiscard]] std::future<DecodeResult> submitFrame(GrayImage frame);

  // Counters for the status line and the tests.
  [[nodiscard]] std::uint64_t framesDecoded() const;
  [[nodiscard]] std::uint64_t framesDropped() const;

 private:
  struct Job {
    GrayImage image;
    std::promise<DecodeResult> promise;
  };

  void run();

  DecodeOptions m_stillOptions;
  DecodeOptions m_frameOptions;
  BarcodeDecoder m_decoder;

  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<Job> m_stills;
  std::optional<Job> m_frame;  // the latest camera frame not yet taken
  bool m_stopping = false;
  std::uint64_t m_framesDecoded = 0;
  std::uint64_t m_framesDropped = 0;

  std::thread m_thread;  // last: started after everything it uses exists
};

}  // namespace kiosk
