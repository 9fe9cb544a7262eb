#pragma once
// A loopback TCP proxy between a store and the test's PostgreSQL server that cuts a connection
// at a chosen statement: how the tests make a COMMIT go unanswered (the server got it and
// committed, is still committing, or never got it) or a session vanish in the middle of a
// transaction, at exactly that point and every time. It reads the protocol messages only to
// find the statement (a simple query's text, or a statement's text as it is prepared) and the
// server's answer to it; everything else passes as it is.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::test {

class PgCutProxy {
 public:
  enum class Cut {
    // The statement never reaches the server; both sides are closed, so the server ends the
    // session and rolls its transaction back.
    Unsent,
    // The statement never reaches the server and the client's side is closed, but the server's
    // side stays open: a network cut the server has not noticed. Its session stays "idle in
    // transaction", holding its locks, until closeKeptSessions() or the proxy goes.
    UnsentSessionKept,
    // The server gets the statement and both sides are closed at once: the server carries it
    // out (a COMMIT commits) with no one to answer.
    SentUnanswered,
    // The server gets the statement and the client's side is closed, but the server's side
    // stays open: the server carries it out, answers into the void and holds the session (and
    // any transaction and locks it has) until closeKeptSessions() or the proxy goes.
    SentSessionKept,
    // The server gets the statement and answers; the answer is dropped and both sides closed
    // (a COMMIT that took, whose answer the client never sees).
    AnswerLost,
  };

  // Listens on 127.0.0.1 at a free port; forwards to 127.0.0.1:serverPort.
  explicit PgCutProxy(int serverPort);
  PgCutProxy(const PgCutProxy&) = delete;
  PgCutProxy& operator=(const PgCutProxy&) = delete;
  ~PgCutProxy();

  [[nodiscard]] int port() const { return m_port; }
  // The URL of `database` through the proxy (without TLS, whose bytes the proxy could not read).
  [[nodiscard]] std::string url(const std::string& database) const;

  // The next client message, on any connection, whose statement text contains `sql` is cut `how`.
  void cutAt(std::string sql, Cut how);
  // True once the armed cut happened; waits up to `timeout` for it.
  [[nodiscard]] bool waitForCut(std::chrono::milliseconds timeout);

  // While held, new connections are accepted but not forwarded (the client waits for the
  // server's first answer): a test can commit from elsewhere before the store is back.
  void hold();
  void release();

  // Closes the server side of every session kept open: the server then ends them.
  void closeKeptSessions();

 private:
  void acceptLoop();
  void serve(int client);
  // The cut to make at a client message with this statement text, disarming it; Cut::Unsent
  // with false when none.
  [[nodiscard]] bool takeCut(const std::string& statement, Cut& how);
  void keep(int server);

  int m_listen = -1;
  int m_port = 0;
  int m_serverPort = 0;
  int m_wake[2] = {-1, -1};  // a pipe, closed to wake every poll when the proxy goes

  std::mutex m_mutex;
  std::condition_variable m_changed;
  bool m_stopping = false;
  bool m_held = false;
  std::string m_cutSql;  // empty: nothing armed
  Cut m_cutHow = Cut::Unsent;
  bool m_cutDone = false;
  std::vector<int> m_kept;  // server sides of sessions kept open
  std::vector<std::thread> m_sessions;
  std::thread m_acceptor;
};

}  // namespace kiosk::test
