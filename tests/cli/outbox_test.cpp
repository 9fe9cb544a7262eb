// kioskctl outbox list: what the steps queued, as JSON and as lines.
#include "cli_harness.hpp"

#include <fstream>

namespace kiosk::test {
namespace {

class OutboxCliTest : public CliTest {};

TEST_F(OutboxCliTest, StepsQueueMessagesThatOutboxListShows) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  EXPECT_EQ(run({"case", "diagnose", n, "--finding", "Logic board", "--at", "2026-11-24T11:00"}).code, 0);
  EXPECT_EQ(run({"case", "decide", n, "--at", "2026-11-24T11:05"}).code, 0);
  EXPECT_EQ(run({"case", "inform", n, "--via", "phone", "--at", "2026-11-24T11:10"}).code, 0);
  EXPECT_EQ(run({"case", "inform", n, "--via", "email", "--at", "2026-11-24T11:15"}).code, 0);

  const CliRun r = run({"outbox", "list", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = r.json();
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 3u) << "receipt by SMS and e-mail, then one e-mail; the phone call queues nothing";
  for (const auto& m : j) {
    for (const char* field : {"id", "case", "channel", "to", "reference", "status", "attempts", "last_error"}) {
      EXPECT_TRUE(m.contains(field)) << field;
    }
    EXPECT_EQ(m["case"], n);
    EXPECT_EQ(m["status"], "queued");
    EXPECT_EQ(m["attempts"], 0);
    EXPECT_EQ(m["last_error"], "");
    EXPECT_EQ(m["next_attempt_at"], "") << "due at once; a retry's time reads \"2026-11-29T08:00:01.500Z\"";
    EXPECT_EQ(m["delivered_at"], "");
  }
  EXPECT_EQ(j[0]["channel"], "sms");
  EXPECT_EQ(j[0]["to"], "+4791234567");
  EXPECT_EQ(j[0]["reference"], n + "-0-sms");
  EXPECT_EQ(j[1]["channel"], "email");
  EXPECT_EQ(j[1]["to"], "kari@example.no");
  EXPECT_EQ(j[2]["channel"], "email");
  EXPECT_EQ(j[2]["reference"], n + "-4-email");

  // The same list again: references are stable.
  EXPECT_EQ(run({"outbox", "list", "--json"}).json(), j);

  const CliRun text = run({"outbox", "list"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_EQ(std::count(text.out.begin(), text.out.end(), '\n'), 3);
  EXPECT_NE(text.out.find(n + "-0-sms"), std::string::npos) << text.out;
}

TEST_F(OutboxCliTest, ShipQueuesTrackingAndFiltersNarrowTheList) {
  const std::string a = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  auto other = appleMac("C02XK1ZZJGH5", "2026-11-24T10:30");
  const std::string b = newCase(other);
  for (const auto& step : std::vector<std::vector<std::string>>{
           {"case", "diagnose", a, "--finding", "Logic board", "--at", "2026-11-24T11:00"},
           {"case", "decide", a, "--at", "2026-11-24T11:05"},
           {"case", "inform", a, "--via", "sms", "--at", "2026-11-24T11:10"},
           {"case", "order-parts", a, "--part", "661-12345 Logic board", "--at", "2026-11-24T11:20"},
           {"case", "receive-parts", a, "--at", "2026-11-25T09:00"},
           {"case", "repaired", a, "--at", "2026-11-25T11:00"},
           {"case", "ship", a, "--carrier", "Posten", "--tracking", "70712345", "--at", "2026-11-25T12:00"}}) {
    const CliRun r = run(step);
    ASSERT_EQ(r.code, 0) << step[1] << ": " << r.err;
  }
  const auto ofA = run({"outbox", "list", "--json", "--case", a}).json();
  ASSERT_EQ(ofA.size(), 5u);
  EXPECT_NE(ofA[3]["text"].get<std::string>().find("70712345"), std::string::npos);
  EXPECT_NE(ofA[4]["text"].get<std::string>().find("Posten"), std::string::npos);
  // Case numbers in any letter case, without the hyphen.
  std::string typed = b;
  typed.erase(4, 1);
  for (auto& ch : typed) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(run({"outbox", "list", "--json", "--case", typed}).json().size(), 2u);
  EXPECT_EQ(run({"outbox", "list", "--json", "--status", "queued"}).json().size(), 7u);
  EXPECT_EQ(run({"outbox", "list", "--json", "--status", "failed"}).json(), nlohmann::json::array());
}

TEST_F(OutboxCliTest, DemoCasesQueueNoMessage) {
  // Demo customers' mobile numbers are made up but may be someone's: never texted.
  const CliRun demo = run({"demo", "--cases", "12"});
  ASSERT_EQ(demo.code, 0) << demo.err;
  EXPECT_EQ(run({"outbox", "list", "--json"}).json(), nlohmann::json::array());
}

TEST_F(OutboxCliTest, BadFiltersAreBadInput) {
  newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  const CliRun status = run({"outbox", "list", "--status", "lost"});
  EXPECT_EQ(status.code, 2);
  EXPECT_NE(status.err.find("--status"), std::string::npos) << status.err;
  EXPECT_EQ(run({"outbox", "list", "--case", "not-a-number"}).code, 2);
  EXPECT_EQ(run({"outbox"}).code, 2);
}

TEST_F(OutboxCliTest, MissingMessageTextsRefuseTheStepAndWriteNothing) {
  // An assets folder with vendor profiles but no customer texts: no case is taken in, rather
  // than one whose receipt is silently never queued.
  const auto edited = std::filesystem::path(db).parent_path() / "assets";
  std::filesystem::create_directories(edited);
  std::filesystem::copy(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors", edited / "vendors");
  assets = edited.string();
  auto args = appleMac("C02XK0JHJG5H", "2026-11-24T10:00");
  args.insert(args.begin(), {"case", "new"});
  const CliRun r = run(args);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--assets"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("messages"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(db)) << "nothing is written";
}

}  // namespace
}  // namespace kiosk::test
