#pragma once
// A Notifier for the relay's tests: answers each reference's attempts from a script (then
// Delivered), counts every send per reference, and can hold a send until the test lets it go.
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "workflow/notifier.hpp"

namespace kiosk::test {

class ScriptedNotifier final : public Notifier {
 public:
  explicit ScriptedNotifier(std::set<std::string> channels = {"sms", "email"}) : m_channels(std::move(channels)) {}

  // The answers to `reference`'s next attempts, in order; Delivered once they run out.
  void script(const std::string& reference, std::vector<SendOutcome> outcomes) {
    const std::scoped_lock lock(m_mutex);
    m_script[reference].assign(outcomes.begin(), outcomes.end());
  }
  // Every attempt of every message gets this answer (after its own script).
  void answerAlways(SendOutcome outcome) {
    const std::scoped_lock lock(m_mutex);
    m_always = std::move(outcome);
  }
  // Called inside send(), before it answers: a test may block there.
  void onSend(std::function<void(const OutboxMessage&)> hook) { m_hook = std::move(hook); }

  [[nodiscard]] bool configured(std::string_view channel) const override {
    return m_channels.contains(std::string(channel));
  }

  SendOutcome send(const OutboxMessage& message) override {
    {
      const std::scoped_lock lock(m_mutex);
      ++m_sends[message.reference];
    }
    m_sent.notify_all();
    if (m_hook) m_hook(message);
    const std::scoped_lock lock(m_mutex);
    auto& queued = m_script[message.reference];
    if (!queued.empty()) {
      SendOutcome next = queued.front();
      queued.pop_front();
      return next;
    }
    return m_always ? *m_always : SendOutcome{SendResult::Delivered, "250 OK"};
  }

  [[nodiscard]] int sends(const std::string& reference) const {
    const std::scoped_lock lock(m_mutex);
    const auto it = m_sends.find(reference);
    return it == m_sends.end() ? 0 : it->second;
  }
  [[nodiscard]] std::map<std::string, int> sendsByReference() const {
    const std::scoped_lock lock(m_mutex);
    return m_sends;
  }
  [[nodiscard]] int totalSends() const {
    const std::scoped_lock lock(m_mutex);
    int total = 0;
    for (const auto& [reference, count] : m_sends) total += count;
    return total;
  }
  // Waits until at least `count` sends have started.
  void waitForSends(int count) {
    std::unique_lock lock(m_mutex);
    m_sent.wait(lock, [&] {
      int total = 0;
      for (const auto& [reference, n] : m_sends) total += n;
      return total >= count;
    });
  }

 private:
  std::set<std::string> m_channels;
  mutable std::mutex m_mutex;
  std::condition_variable m_sent;
  std::map<std::string, std::deque<SendOutcome>> m_script;
  std::optional<SendOutcome> m_always;
  std::map<std::string, int> m_sends;
  std::function<void(const OutboxMessage&)> m_hook;
};

}  // namespace kiosk::test
