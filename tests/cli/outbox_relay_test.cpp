// kioskctl outbox run end to end (issue 6's held-out check, in small): cases informed by SMS and
// e-mail, a loopback SMS gateway that fails, hangs, drops and resets on purpose, a real SMTP
// server (aiosmtpd), two relays at once, and a relay killed with SIGKILL mid-send. Every
// message arrives under its one reference; no e-mail twice.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "cli_harness.hpp"
#include "gateways/loopback_server.hpp"

extern char** environ;

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;

std::vector<nlohmann::json> jsonLines(const std::filesystem::path& file) {
  std::vector<nlohmann::json> lines;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

// kioskctl as a process of its own (to run two at once, or to kill one).
class KioskctlProcess {
 public:
  explicit KioskctlProcess(const std::vector<std::string>& args) {
    std::vector<std::string> full = {KIOSKCTL_BINARY};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : full) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&m_pid, KIOSKCTL_BINARY, nullptr, nullptr, argv.data(), environ) != 0) m_pid = -1;
  }
  ~KioskctlProcess() {
    if (m_pid > 0 && !m_reaped) {
      ::kill(m_pid, SIGKILL);
      wait();
    }
  }
  [[nodiscard]] bool started() const { return m_pid > 0; }
  void killHard() { ::kill(m_pid, SIGKILL); }
  int wait() {
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_reaped = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t m_pid = -1;
  bool m_reaped = false;
};

class OutboxRelayCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    m_work = std::filesystem::path(db).parent_path();
    std::filesystem::create_directories(m_work / "mail");
  }

  // The flaky SMS gateway with `script` for its first requests, then 200.
  void startSms(const std::string& script, int hangMs = 3000) {
    m_sms = std::make_unique<LoopbackServer>(pythonServer(
        "flaky_http_gateway.py", {"--record", smsRecord().string(), "--script", script, "--default", "200",
                                  "--hang-ms", std::to_string(hangMs)}));
  }
  void startSmtp() {
    m_smtp = std::make_unique<LoopbackServer>(
        pythonServer("smtp_server.py", {"--mode", "plain", "--maildir", (m_work / "mail").string()}));
  }

  // The gateway configuration: short timeouts and backoff so that a test waits seconds, not minutes.
  std::string writeConfig(int smsTimeoutMs = 1000) {
    const auto file = m_work / "gateways.toml";
    std::ofstream out(file);
    if (m_sms) {
      out << "[sms]\nurl = \"" << m_sms->url("http", "/sms") << "\"\ntoken = \"" << kToken
          << "\"\ntimeout_ms = " << smsTimeoutMs << "\n";
    }
    if (m_smtp) {
      out << "[email]\nsmtp_url = \"" << m_smtp->url("smtp") << "\"\nfrom = \"verksted@example.no\"\n"
          << "timeout_ms = 5000\n";
    }
    out << "[outbox]\nbackoff_initial_ms = 50\nbackoff_max_ms = 400\nmax_attempts = 30\n";
    return file.string();
  }

  // Cases with a mobile and an e-mail address: each a receipt by SMS and by e-mail; every
  // other one informed by SMS, the rest by e-mail, after the warranty decision.
  void registerAndInform(int cases) {
    for (int i = 0; i < cases; ++i) {
      const std::string serial = "C02XK" + std::to_string(1000 + i) + "JG5H";
      const std::string n = newCase(appleMac(serial, "2026-11-24T10:00"));
      ASSERT_EQ(run({"case", "diagnose", n, "--finding", "Logic board", "--at", "2026-11-24T11:00"}).code, 0);
      ASSERT_EQ(run({"case", "decide", n, "--at", "2026-11-24T11:05"}).code, 0);
      ASSERT_EQ(run({"case", "inform", n, "--via", i % 2 == 0 ? "sms" : "email", "--at", "2026-11-24T11:10"}).code,
                0);
    }
  }

  // A receipt by SMS only: one message.
  std::vector<std::string> macWithoutEmail() {
    auto args = appleMac("C02XK0JHJG5H", "2026-11-24T10:00");
    const auto email = std::find(args.begin(), args.end(), "--email");
    args.erase(email, email + 2);
    return args;
  }

  nlohmann::json outbox() {
    const CliRun r = run({"outbox", "list", "--json"});
    EXPECT_EQ(r.code, 0) << r.err;
    return r.json();
  }

  std::set<std::string> referencesOn(const nlohmann::json& messages, const std::string& channel) {
    std::set<std::string> refs;
    for (const auto& m : messages) {
      if (m["channel"] == channel) refs.insert(m["reference"].get<std::string>());
    }
    return refs;
  }

  // Message-ID -> how many times the SMTP server took it.
  std::map<std::string, int> mailsReceived() {
    std::map<std::string, int> ids;
    for (const auto& entry : std::filesystem::directory_iterator(m_work / "mail")) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path());
      const auto saved = nlohmann::json::parse(in);
      ++ids[saved["parsed"]["headers"]["Message-ID"].get<std::string>()];
    }
    return ids;
  }

  [[nodiscard]] std::filesystem::path smsRecord() const { return m_work / "sms.jsonl"; }

  static constexpr const char* kToken = "s3cret-token-42";
  std::filesystem::path m_work;
  std::unique_ptr<LoopbackServer> m_sms;
  std::unique_ptr<LoopbackServer> m_smtp;
};

TEST_F(OutboxRelayCliTest, AFlakyGatewayAndARealSmtpServerGetEveryMessageUnderOneReferenceAndNoMailTwice) {
  startSms("503,hang,drop,429,reset,503,drop,hang,500,reset", 3000);
  startSmtp();
  const std::string config = writeConfig();
  registerAndInform(12);
  const auto queued = outbox();
  const auto smsRefs = referencesOn(queued, "sms");
  const auto mailRefs = referencesOn(queued, "email");
  ASSERT_EQ(smsRefs.size(), 18u);   // 12 receipts, 6 decisions
  ASSERT_EQ(mailRefs.size(), 18u);  // 12 receipts, 6 decisions

  const CliRun relay = run({"--config", config, "outbox", "run", "--until-idle"});
  ASSERT_EQ(relay.code, 0) << relay.out << relay.err;
  EXPECT_EQ(relay.err.find(kToken), std::string::npos) << "a secret in the output: " << relay.err;
  EXPECT_EQ(relay.out.find(kToken), std::string::npos);

  for (const auto& m : outbox()) {
    EXPECT_EQ(m["status"], "delivered") << m.dump();
  }
  // Every SMS reached the gateway with its reference, and was taken (200) at least once; what
  // the gateway saw twice carried the same reference, so it could drop the duplicate.
  std::set<std::string> accepted;
  for (const auto& request : jsonLines(smsRecord())) {
    const std::string ref = request["json"]["reference"];
    EXPECT_TRUE(smsRefs.contains(ref)) << "an SMS that was never queued: " << ref;
    EXPECT_EQ(request["idempotency_key"], ref);
    EXPECT_EQ(request["authorization"], std::string("Bearer ") + kToken);
    if (request["outcome"] == "200") accepted.insert(ref);
  }
  EXPECT_EQ(accepted, smsRefs);
  // Each e-mail exactly once, its Message-ID made from its reference.
  const auto mails = mailsReceived();
  EXPECT_EQ(mails.size(), mailRefs.size());
  for (const auto& [id, times] : mails) {
    EXPECT_EQ(times, 1) << id << " arrived " << times << " times";
    const std::string local = id.substr(1, id.find('@') - 1);
    EXPECT_TRUE(mailRefs.contains(local)) << id;
  }
}

TEST_F(OutboxRelayCliTest, TwoRelaysAtOnceSendEachMessageOnce) {
  startSms("");
  startSmtp();
  const std::string config = writeConfig();
  registerAndInform(16);
  const auto queued = outbox();

  KioskctlProcess first(
      {storeOption(), storeValue(), "--assets", assets, "--config", config, "outbox", "run", "--until-idle"});
  KioskctlProcess second(
      {storeOption(), storeValue(), "--assets", assets, "--config", config, "outbox", "run", "--until-idle"});
  ASSERT_TRUE(first.started() && second.started());
  EXPECT_EQ(first.wait(), 0);
  EXPECT_EQ(second.wait(), 0);

  std::map<std::string, int> smsSeen;
  for (const auto& request : jsonLines(smsRecord())) ++smsSeen[request["json"]["reference"].get<std::string>()];
  EXPECT_EQ(smsSeen.size(), referencesOn(queued, "sms").size());
  for (const auto& [ref, times] : smsSeen) EXPECT_EQ(times, 1) << ref;
  const auto mails = mailsReceived();
  EXPECT_EQ(mails.size(), referencesOn(queued, "email").size());
  for (const auto& [id, times] : mails) EXPECT_EQ(times, 1) << id;
  for (const auto& m : outbox()) EXPECT_EQ(m["status"], "delivered") << m.dump();
}

TEST_F(OutboxRelayCliTest, ARelayKilledMidSendIsFinishedByTheNextUnderTheSameReference) {
  // The first request hangs far longer than the relay would wait: the relay is killed while it
  // waits, with the message claimed ("sending") and its fate unknown.
  startSms("hang", 60000);
  const std::string config = writeConfig(1500);
  const std::string n = newCase(macWithoutEmail());

  KioskctlProcess doomed(
      {storeOption(), storeValue(), "--assets", assets, "--config", config, "outbox", "run", "--until-idle"});
  ASSERT_TRUE(doomed.started());
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (jsonLines(smsRecord()).empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  ASSERT_EQ(jsonLines(smsRecord()).size(), 1u) << "the relay never reached the gateway";
  doomed.killHard();
  EXPECT_EQ(doomed.wait(), 128 + SIGKILL);
  const auto during = outbox();
  ASSERT_EQ(during.size(), 1u);
  EXPECT_EQ(during[0]["status"], "sending") << "claimed, its fate unknown";

  // The next relay waits out the dead one's claim, then sends again under the same reference.
  const CliRun relay = run({"--config", config, "outbox", "run", "--until-idle"});
  ASSERT_EQ(relay.code, 0) << relay.out << relay.err;
  const auto requests = jsonLines(smsRecord());
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0]["json"]["reference"], n + "-0-sms");
  EXPECT_EQ(requests[1]["json"]["reference"], n + "-0-sms");
  const auto after = outbox();
  EXPECT_EQ(after[0]["status"], "delivered");
  EXPECT_EQ(after[0]["attempts"], 2);
}

TEST_F(OutboxRelayCliTest, WithoutAGatewayMessagesWaitAndTheRelaySaysSo) {
  newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  const CliRun relay = run({"outbox", "run", "--until-idle"});
  EXPECT_EQ(relay.code, 0) << relay.err;
  EXPECT_NE(relay.err.find("1 SMS wait in the outbox: no [sms] gateway is set"), std::string::npos) << relay.err;
  EXPECT_NE(relay.err.find("1 e-mails wait in the outbox: no [email] gateway is set"), std::string::npos)
      << relay.err;
  for (const auto& m : outbox()) EXPECT_EQ(m["status"], "queued");
}

TEST_F(OutboxRelayCliTest, ABadConfigurationIsRefusedNamingTheKeyAndNothingIsSent) {
  newCase(macWithoutEmail());
  const auto file = m_work / "bad.toml";
  std::ofstream(file) << "[sms]\nurl = \"http://127.0.0.1:9/sms\"\ntoken = \"s3cret\"\ntimout_ms = 5\n";
  const CliRun bad = run({"--config", file.string(), "outbox", "run"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("configuration sms.timout_ms: unknown key"), std::string::npos) << bad.err;
  EXPECT_EQ(bad.err.find("s3cret"), std::string::npos) << bad.err;
  EXPECT_EQ(outbox()[0]["attempts"], 0) << "nothing was tried";
  const CliRun missing = run({"--config", (m_work / "none.toml").string(), "outbox", "run"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("none.toml"), std::string::npos) << missing.err;
}

TEST_F(OutboxRelayCliTest, AParkedMessageIsRetriedById) {
  startSms("400");  // a permanent refusal parks it at once
  const std::string config = writeConfig();
  newCase(macWithoutEmail());
  ASSERT_EQ(run({"--config", config, "outbox", "run", "--until-idle"}).code, 0);
  auto parked = outbox();
  ASSERT_EQ(parked[0]["status"], "failed");
  EXPECT_NE(parked[0]["last_error"].get<std::string>().find("400"), std::string::npos) << parked[0].dump();

  const std::string id = std::to_string(parked[0]["id"].get<std::int64_t>());
  const CliRun retried = run({"outbox", "retry", id});
  ASSERT_EQ(retried.code, 0) << retried.err;
  EXPECT_EQ(outbox()[0]["status"], "queued");
  ASSERT_EQ(run({"--config", config, "outbox", "run", "--until-idle"}).code, 0);
  EXPECT_EQ(outbox()[0]["status"], "delivered");

  const CliRun again = run({"outbox", "retry", id});
  EXPECT_EQ(again.code, 2) << "a delivered message is not retried";
  EXPECT_NE(again.err.find("id"), std::string::npos) << again.err;
  EXPECT_EQ(run({"outbox", "retry", "999"}).code, 2);
  for (const char* bad : {"abc", "0", "-3"}) {
    const CliRun refused = run({"outbox", "retry", bad});
    EXPECT_EQ(refused.code, 2) << bad;
    EXPECT_NE(refused.err.find("is not a message id"), std::string::npos) << refused.err;
  }
}

TEST_F(OutboxRelayCliTest, DeviationsQueueOneNoticePerCaseThatWillMissItsDueDateAndRunSendsOnlyWhatIsQueued) {
  startSms("");
  const std::string config = writeConfig();
  // Reported Tuesday morning: on site Wednesday 25 November.
  const std::string n = newCase({"--vendor", "lenovo", "--family", "laptop", "--serial", "PF2XK9QZ", "--product",
                                 "ThinkPad T14", "--purchased", "2025-01-15", "--seller", "atea", "--customer",
                                 "Lars Østby", "--mobile", "90000001", "--address", "Markveien 35, 0554 Oslo",
                                 "--fault", "No display", "--channel", "phone", "--at", "2026-11-24T09:00"});
  ASSERT_EQ(run({"--config", config, "outbox", "run", "--until-idle", "--at", "2026-11-27T09:00"}).code, 0);
  ASSERT_EQ(outbox().size(), 1u) << "outbox run sends the receipt and queues nothing itself";

  const CliRun early = run({"outbox", "deviations", "--at", "2026-11-25T14:59"});
  ASSERT_EQ(early.code, 0) << early.err;
  EXPECT_EQ(early.out, "") << "before 15:00 on the due date it may still make it";
  const CliRun late = run({"outbox", "deviations", "--json", "--at", "2026-11-25T15:00"});
  ASSERT_EQ(late.code, 0) << late.err;
  EXPECT_EQ(late.json(), nlohmann::json::array({n}));
  EXPECT_EQ(run({"outbox", "deviations", "--json", "--at", "2026-11-26T09:00"}).json(), nlohmann::json::array())
      << "once per case";

  const auto queued = outbox();
  ASSERT_EQ(queued.size(), 2u);
  EXPECT_EQ(queued[1]["channel"], "sms");
  EXPECT_NE(queued[1]["text"].get<std::string>().find("2026-11-25"), std::string::npos) << queued[1].dump();
  ASSERT_EQ(run({"--config", config, "outbox", "run", "--until-idle"}).code, 0);
  EXPECT_EQ(outbox()[1]["status"], "delivered");
  EXPECT_EQ(jsonLines(smsRecord()).size(), 2u);
}

}  // namespace
}  // namespace kiosk::test
