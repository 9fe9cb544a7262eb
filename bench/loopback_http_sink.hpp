#pragma once
// A gateway for the outbox bench that answers every request at once: HTTP/1.1 on 127.0.0.1, a
// thread per connection, keep-alive, "200 OK" to anything. Written in C++ so that the server is
// not what the bench measures (a Python server would cost more per request than the relay).
#include <atomic>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::bench {

class LoopbackHttpSink {
 public:
  LoopbackHttpSink();  // listens on a free port; throws std::runtime_error when it cannot
  ~LoopbackHttpSink();
  LoopbackHttpSink(const LoopbackHttpSink&) = delete;
  LoopbackHttpSink& operator=(const LoopbackHttpSink&) = delete;

  [[nodiscard]] std::string url() const;  // "http://127.0.0.1:<port>/sms"
  [[nodiscard]] std::size_t requests() const { return m_requests.load(); }
  // The distinct "reference" values seen in request bodies: what arrived, duplicates dropped.
  [[nodiscard]] std::size_t distinctReferences() const;
  void reset();

 private:
  void acceptLoop();
  void serve(int client);
  void noteBody(const std::string& body);

  int m_listener = -1;
  std::uint16_t m_port = 0;
  std::atomic<bool> m_stopping{false};
  std::atomic<std::size_t> m_requests{0};
  mutable std::mutex m_mutex;
  std::set<std::string> m_references;
  std::vector<int> m_clients;
  std::vector<std::thread> m_threads;
  std::thread m_acceptor;
};

}  // namespace kiosk::bench
