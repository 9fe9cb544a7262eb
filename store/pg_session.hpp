#pragma once
// The PostgreSQL store's connections and how it survives losing them: a lost connection is made
// again and the call retried when its outcome is known; a transaction whose connection was lost
// is looked up by its id (pg_xact_status), never written twice. And a second
// connection that LISTENs for other stations' commits (changeStamp). Internal to store/.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "store/pg_case_store.hpp"
#include "store/pg_connection.hpp"

namespace kiosk {

// The channel every committed change to cases or messages is announced on.
inline constexpr std::string_view kChangeChannel = "kiosk_case_changed";

class PgSession {
 public:
  // Connects once (no retry: a wrong URL should fail at once). Throws PgError.
  PgSession(std::string url, PgRetryPolicy policy);

  [[nodiscard]] const std::string& where() const noexcept { return m_where; }

  // Runs `body(connection)`; when the connection is lost, connects again (until the policy gives
  // up) and runs it again: a read has no effect to double.
  template <class F>
  decltype(auto) read(F&& body) {
    return readBefore(deadline(), std::forward<F>(body));
  }

  // One transaction: `begin`, body, COMMIT. `body` returns Result<T>; an error rolls back and is
  // returned. When the connection is lost, what became of the transaction is read by its id on
  // a new connection (settle): committed (the COMMIT took and its answer was lost), body's
  // result is returned; rolled back (as it always is when the COMMIT was not sent), it runs
  // again. The rows are never the judge: another station may have written the same since, or the
  // COMMIT may still be under way on the server. Serialization failures and deadlocks run again
  // too. Every commit is announced to other stations. `begin` is the statement that opens the
  // transaction (BEGIN, and perhaps a lock in the same round trip; no user text in it).
  template <class T, class Body>
  Result<T> write(Body&& body, const std::string& begin = "BEGIN");

  // The connection, made again if it was lost (throws PgError when the policy gives up).
  PgConnection& connection();

  // Own commits plus other connections' announced ones; connects the listener on first use.
  // Throws PgError when the server cannot be reached.
  [[nodiscard]] std::uint64_t changeStamp();

 private:
  using Clock = std::chrono::steady_clock;
  template <class F>
  decltype(auto) readBefore(Clock::time_point giveUp, F&& body);
  PgConnection& connectionBefore(Clock::time_point deadline);
  // Runs `begin` and returns the transaction's id, taken at once (a transaction has none until
  // it writes) in the same round trip, so that wherever the connection is lost, the outcome can
  // be looked up.
  [[nodiscard]] static std::string beginTransaction(PgConnection& db, const std::string& begin);
  // The server process of a connection, as pg_stat_activity names it: a process id alone may
  // have been reused by another session since.
  struct ServerSession {
    int pid = 0;
    std::optional<std::string> started;  // backend_start
  };
  // Records m_connection's server session (one round trip, once per connection).
  void identifySession();
  // After a connection was lost: ends its server session if the server still holds it (a network
  // cut it has not noticed; it may keep the session, its transaction and its locks for as long as
  // its keepalive takes), then says whether transaction `xid` (empty: not known) committed. A
  // COMMIT that reached the session completes before it ends; anything else is rolled back.
  // Throws PgError when it cannot tell by `giveUp`.
  [[nodiscard]] bool settle(const ServerSession& lost, const std::string& xid, Clock::time_point giveUp);
  void drop() noexcept { m_connection.reset(); }
  void rollbackQuietly() noexcept;
  void announce() noexcept;
  [[nodiscard]] Clock::time_point deadline() const {
    return Clock::now() + std::chrono::milliseconds(m_policy.giveUpAfterMs);
  }

  std::string m_url;
  std::string m_where;
  PgRetryPolicy m_policy;
  std::unique_ptr<PgConnection> m_connection;
  ServerSession m_session;  // m_connection's
  std::atomic<std::uint64_t> m_ownCommits{0};

  // The LISTEN connection, used only by changeStamp (the kiosk's watcher thread).
  std::mutex m_listenMutex;
  std::unique_ptr<PgConnection> m_listener;
  std::uint64_t m_heard = 0;  // notifications, plus one per reconnect (some may have been missed)
};

template <class F>
decltype(auto) PgSession::readBefore(Clock::time_point giveUp, F&& body) {
  for (;;) {
    PgConnection& db = connectionBefore(giveUp);
    try {
      return body(db);
    } catch (const PgError& e) {
      if (!e.connectionLost() || Clock::now() >= giveUp) throw;
      drop();
    }
  }
}

template <class T, class Body>
Result<T> PgSession::write(Body&& body, const std::string& begin) {
  const auto giveUp = deadline();
  for (int transientRetries = 0;;) {
    PgConnection& db = connectionBefore(giveUp);
    const ServerSession session = m_session;
    std::string xid;  // known once `begin` was answered
    bool commitSent = false;
    std::optional<Result<T>> pending;
    try {
      xid = beginTransaction(db, begin);
      pending.emplace(body(db));
      if (!*pending) {
        rollbackQuietly();
        return std::move(*pending);
      }
      commitSent = true;
      // The announcement rides in the same round trip as the COMMIT, as a statement of its own
      // after it: a NOTIFY inside the transaction would hold PostgreSQL's global notify lock
      // across the commit's disk flush, putting every station's writes in single file.
      db.exec("COMMIT; NOTIFY " + std::string(kChangeChannel));
      ++m_ownCommits;
      return std::move(*pending);
    } catch (const PgError& e) {
      if (!e.connectionLost()) {
        rollbackQuietly();
        if (e.transient() && ++transientRetries < 20) continue;
        throw;
      }
      drop();
      if (commitSent) {
        // With time of its own, as the write's may be spent: an outcome that can be known is
        // never reported as a failure, which the user would then redo.
        bool committed = false;
        try {
          committed = settle(session, xid, deadline());
        } catch (const PgError& lookup) {
          throw PgError(lookup.sqlstate(), lookup.connectionLost(),
                        std::string("the connection was lost while the change was being committed, and whether it "
                                    "was saved cannot be told now (") +
                            lookup.what() + "); look before doing it again");
        }
        if (committed) {
          announce();
          return std::move(*pending);
        }
      } else {
        // Nothing was written, but the next attempt would wait on the locks of the old session
        // if the server still holds it.
        try {
          (void)settle(session, {}, giveUp);
        } catch (const PgError&) {
          if (Clock::now() >= giveUp) throw;
        }
      }
      if (Clock::now() >= giveUp) throw;
    } catch (...) {
      rollbackQuietly();
      throw;
    }
  }
}

}  // namespace kiosk
