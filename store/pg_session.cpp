#include "store/pg_session.hpp"

namespace kiosk {

PgSession::PgSession(std::string url, PgRetryPolicy policy)
    : m_url(std::move(url)), m_where(withoutPassword(m_url)), m_policy(policy) {
  m_connection = std::make_unique<PgConnection>(m_url, m_where, m_policy.connectTimeoutSeconds);
  identifySession();
}

void PgSession::identifySession() {
  const PgResult started = m_connection->exec("SELECT backend_start::text FROM pg_stat_activity WHERE pid = pg_backend_pid()");
  m_session = ServerSession{m_connection->backendPid(), started.rows() == 1 ? started.optionalText(0, 0) : std::nullopt};
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
      identifySession();
      return *m_connection;
    } catch (const PgError&) {
      drop();
      if (Clock::now() + pause >= giveUp) throw;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(1000));
  }
}

std::string PgSession::beginTransaction(PgConnection& db, const std::string& begin) {
  return db.exec(begin + "; SELECT pg_current_xact_id()").text(0, 0);
}

bool PgSession::settle(const ServerSession& lost, const std::string& xid, Clock::time_point giveUp) {
  auto pause = std::chrono::milliseconds(5);
  for (;;) {
    const auto outcome = readBefore(giveUp, [&](PgConnection& db) -> std::optional<bool> {
      // Ending it is safe whatever it was doing, as none of it was acknowledged.
      const PgResult alive = db.exec(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND backend_start = $2::timestamptz",
          PgParams().integer(lost.pid).optionalText(lost.started));
      if (alive.rows() > 0) return std::nullopt;  // until it is gone
      if (xid.empty()) return false;
      const PgResult status = db.exec("SELECT pg_xact_status($1::xid8)", PgParams().text(xid));
      if (status.isNull(0, 0)) throw PgError("XX000", false, "transaction " + xid + " is too old to look up");
      if (status.text(0, 0) == "committed") return true;
      if (status.text(0, 0) == "aborted") return false;
      return std::nullopt;
    });
    if (outcome) return *outcome;
    if (Clock::now() >= giveUp) {
      throw PgError("57014", false, "the server still holds the session of the lost connection (process " +
                                        std::to_string(lost.pid) + ")");
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(100));
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
    // Kept only once LISTEN took: a listener that hears nothing would hide every change.
    auto listener = std::make_unique<PgConnection>(m_url, m_where, m_policy.connectTimeoutSeconds);
    listener->exec("LISTEN " + std::string(kChangeChannel));
    m_listener = std::move(listener);
    // Whatever was announced while no one listened is unknown: count it as a change.
    ++m_heard;
  }
  m_heard += m_listener->takeNotifications();
  return m_heard + m_ownCommits.load();
}

}  // namespace kiosk
