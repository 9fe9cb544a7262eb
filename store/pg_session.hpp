#pragma once
// The PostgreSQL store's connections and how it survives losing them: a lost connection is made
// again and the call retried when its outcome is known; a COMMIT that went unanswered is
// resolved by looking at what the database holds, never by writing twice. And a second
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
  decltype(auto) read(F&& body);

  // One transaction: BEGIN, body, COMMIT. `body` returns Result<T>; an error rolls back and is
  // returned. A connection lost before COMMIT was sent: nothing was written, so it runs again on
  // a new connection. Lost while COMMIT was under way: `look(connection, pending)` says whether
  // the pending result is in the database (its value, the result to return) or not (nullopt:
  // the transaction was rolled back, so it runs again). Serialization failures and deadlocks run
  // again too. Every commit is announced to other stations. `begin` is the statement that opens
  // the transaction (BEGIN, and perhaps a lock in the same round trip; no user text in it).
  template <class T, class Body, class Look>
  Result<T> write(Body&& body, Look&& look, const std::string& begin = "BEGIN");

  // The connection, made again if it was lost (throws PgError when the policy gives up).
  PgConnection& connection();

  // Own commits plus other connections' announced ones; connects the listener on first use.
  // Throws PgError when the server cannot be reached.
  [[nodiscard]] std::uint64_t changeStamp();

 private:
  using Clock = std::chrono::steady_clock;
  PgConnection& connectionBefore(Clock::time_point deadline);
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
  std::atomic<std::uint64_t> m_ownCommits{0};

  // The LISTEN connection, used only by changeStamp (the kiosk's watcher thread).
  std::mutex m_listenMutex;
  std::unique_ptr<PgConnection> m_listener;
  std::uint64_t m_heard = 0;  // notifications, plus one per reconnect (some may have been missed)
};

template <class F>
decltype(auto) PgSession::read(F&& body) {
  const auto giveUp = deadline();
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

template <class T, class Body, class Look>
Result<T> PgSession::write(Body&& body, Look&& look, const std::string& begin) {
  const auto giveUp = deadline();
  for (int transientRetries = 0;;) {
    PgConnection& db = connectionBefore(giveUp);
    bool commitSent = false;
    std::optional<Result<T>> pending;
    try {
      db.exec(begin);
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
      if (e.connectionLost()) {
        drop();
        if (Clock::now() >= giveUp) throw;
        if (!commitSent) continue;
        // The COMMIT went out and no answer came back: look, on a new connection, whether it took.
        auto found = read([&](PgConnection& again) { return look(again, **pending); });
        if (found) {
          announce();
          return Result<T>(std::move(*found));
        }
        continue;
      }
      rollbackQuietly();
      if (e.transient() && ++transientRetries < 20) continue;
      throw;
    } catch (...) {
      rollbackQuietly();
      throw;
    }
  }
}

}  // namespace kiosk
