#include "store/pg_session.hpp"

namespace kiosk {

PgSession::PgSession(std::string url, PgRetryPolicy policy)
    : m_url(std::move(url)), m_where(withoutPassword(m_url)), m_policy(policy) {
  m_connection = std::make_unique<PgConnection>(m_url, m_where, m_policy.connectTimeoutSeconds);
}

PgConnection& PgSession::connection() { return connectionBefore(deadline()); }

PgConnection& PgSession::connectionBefore(Clock::time_point giveUp) {
  if (m_connection && !m_connection->broken()) return *m_connection;
  drop();
  // A server restart takes seconds: try again with a growing pause, up to a second apart.
  auto pause = std::chrono::milliseconds(50);
  for (;;) {
    try {
      m_connection = std::make_unique<PgConnection>(m_url, m_where, m_policy.connectTimeoutSeconds);
      return *m_connection;
    } catch (const PgError&) {
      if (Clock::now() + pause >= giveUp) throw;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(1000));
  }
}

void PgSession::rollbackQuietly() noexcept {
  if (!m_connection || m_connection->broken()) return;
  try {
    m_connection->exec("ROLLBACK");
  } catch (...) {
    drop();
  }
}

void PgSession::announce() noexcept {
  ++m_ownCommits;
  // After a COMMIT whose answer was lost: the announcement went with it or not; one more costs
  // other stations a refresh at most.
  try {
    if (m_connection && !m_connection->broken()) m_connection->exec("NOTIFY " + std::string(kChangeChannel));
  } catch (...) {
    drop();
  }
}

std::uint64_t PgSession::changeStamp() {
  const std::scoped_lock lock(m_listenMutex);
  if (m_listener && !m_listener->consumeInput()) m_listener.reset();
  if (!m_listener) {
    m_listener = std::make_unique<PgConnection>(m_url, m_where, m_policy.connectTimeoutSeconds);
    m_listener->exec("LISTEN " + std::string(kChangeChannel));
    // Whatever was announced while no one listened is unknown: count it as a change.
    ++m_heard;
  }
  m_heard += m_listener->takeNotifications();
  return m_heard + m_ownCommits.load();
}

}  // namespace kiosk
