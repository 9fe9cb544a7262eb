// Bad input: a clear error naming the field, exit 2, nothing written. Refusals: exit 1.
#include <algorithm>
#include <fstream>

#include "cli_harness.hpp"
#include "workflow/case_number.hpp"

namespace kiosk::test {
namespace {

class BadInputTest : public CliTest {
 protected:
  std::size_t caseCount() {
    const CliRun r = run({"case", "list", "--all", "--json"});
    EXPECT_EQ(r.code, 0) << r.err;
    return r.json().size();
  }
  // Runs `case new` with one option replaced (or removed when value is empty and remove set).
  CliRun intakeWith(const std::string& option, const std::string& value, bool remove = false) {
    auto args = appleMac("C02XK0JHJG5H", "2026-11-24T10:00");
    std::vector<std::string> edited = {"case", "new"};
    for (std::size_t i = 0; i < args.size(); i += 2) {
      if (args[i] == option) {
        if (!remove) edited.insert(edited.end(), {option, value});
      } else {
        edited.insert(edited.end(), {args[i], args[i + 1]});
      }
    }
    if (std::find(args.begin(), args.end(), option) == args.end()) edited.insert(edited.end(), {option, value});
    return run(edited);
  }
};

TEST_F(BadInputTest, EachBadFieldIsNamedAndNothingIsWritten) {
  struct Row {
    const char* option;
    const char* value;
    const char* mentions;
  };
  const Row rows[] = {
      {"--vendor", "samsung", "--vendor"},
      {"--family", "printer", "--family"},
      {"--family", "toaster", "--family"},
      {"--purchased", "2026-02-30", "--purchased"},
      {"--purchased", "26-01-01", "--purchased"},
      {"--purchased", "2026-12-01", "--purchased"},  // after the registration time
      {"--at", "2026-11-24T25:00", "--at"},
      {"--customer", "   ", "--customer"},
      {"--address", "", "--address"},
      {"--fault", " \t", "--fault"},
      {"--mobile", "call me", "--mobile"},
      {"--mobile", "12345", "--mobile"},
      {"--email", "kari.example.no", "--email"},
      {"--serial", "C02$K0JHJG5H", "--serial"},
      {"--serial", "ÆØÅ12345", "--serial"},
      {"--seller", "elkjop", "--seller"},
      {"--channel", "fax", "--channel"},
      {"--country", "Norway", "--country"},
      {"--ace-until", "2026-13-01", "--ace-until"},
  };
  for (const Row& row : rows) {
    const CliRun r = intakeWith(row.option, row.value);
    EXPECT_EQ(r.code, 2) << row.option << "=" << row.value << ": " << r.err;
    EXPECT_NE(r.err.find(row.mentions), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  EXPECT_EQ(caseCount(), 0u);
}

TEST_F(BadInputTest, MissingRequiredOptionIsUsageError) {
  const CliRun r = intakeWith("--serial", "", true);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--serial"), std::string::npos) << r.err;
}

TEST_F(BadInputTest, AmountsMustBeNonNegativeNumbers) {
  auto args = appleMac("C02XK0JHJG5H", "2026-11-24T10:00");
  args[9] = "2019-01-01";
  const std::string n = newCase(args);
  ASSERT_EQ(run({"case", "decide", n, "--at", "2026-11-24T11:00"}).code, 0);
  for (const char* amount : {"-100", "abc", "12.345", "", "1.2.3"}) {
    const CliRun r = run({"case", "quote", n, "--amount-nok", amount, "--at", "2026-11-24T12:00"});
    EXPECT_EQ(r.code, 2) << amount;
    EXPECT_NE(r.err.find("--amount-nok"), std::string::npos) << r.err;
  }
  EXPECT_EQ(show(n)["status"], "diagnosed");
  EXPECT_EQ(run({"case", "quote", n, "--amount-nok", "1299,50", "--at", "2026-11-24T12:00"}).code, 0);
  EXPECT_EQ(show(n)["quote_nok"], 1299.5);
}

TEST_F(BadInputTest, CaseNumbersAreCheckedBeforeTheStoreIsAsked) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  std::string typo = n;
  typo[0] = typo[0] == '7' ? '8' : '7';
  const CliRun bad = run({"case", "show", typo});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("check character"), std::string::npos) << bad.err;
  // Lower case, no hyphen, spaces: the same case.
  std::string loose = n.substr(0, 4) + " " + n.substr(5);
  for (char& c : loose) c = static_cast<char>(std::tolower(c));
  EXPECT_EQ(show(loose)["number"], n);
}

TEST_F(BadInputTest, UnknownWellFormedCaseNumberIsBadInput) {
  const CliRun r = run({"case", "show", formatCaseNumber(4242)});
  EXPECT_EQ(r.code, 2);
  EXPECT_FALSE(r.err.empty());
}

TEST_F(BadInputTest, StepNotAllowedIsRefusedWithWhatIsAllowedAndChangesNothing) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  const auto before = show(n);
  const CliRun ship = run({"case", "ship", n, "--carrier", "Posten", "--tracking", "1", "--at", "2026-11-24T11:00"});
  EXPECT_EQ(ship.code, 1);
  EXPECT_NE(ship.err.find("registered"), std::string::npos) << ship.err;
  EXPECT_NE(ship.err.find("Allowed now: diagnose, decide, inform"), std::string::npos) << ship.err;
  EXPECT_EQ(run({"case", "approve", n, "--at", "2026-11-24T11:00"}).code, 1) << "no quote exists";
  EXPECT_EQ(run({"case", "close", n, "--at", "2026-11-24T11:00"}).code, 1) << "only the customer's acceptance after return closes";
  ASSERT_EQ(run({"case", "decide", n, "--at", "2026-11-24T11:00"}).code, 0);
  EXPECT_EQ(run({"case", "quote", n, "--amount-nok", "100", "--at", "2026-11-24T11:00"}).code, 1) << "covered";
  const auto after = show(n);
  EXPECT_EQ(after["events"].size(), before["events"].size() + 1);
  EXPECT_EQ(after["version"], before["version"].get<int>() + 1);
}

TEST_F(BadInputTest, StepBeforeRegistrationIsBadInput) {
  const std::string n = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  const CliRun r = run({"case", "decide", n, "--at", "2026-11-23T10:00"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--at"), std::string::npos) << r.err;
}

TEST_F(BadInputTest, OneOpenCasePerDeviceUnlessASecondIsExplained) {
  const std::string first = newCase(appleMac("C02XK0JHJG5H", "2026-11-24T10:00"));
  const CliRun again = run([&] {
    auto a = appleMac("c02xk0jhjg5h", "2026-11-24T11:00");
    a.insert(a.begin(), {"case", "new"});
    return a;
  }());
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.err.find(first), std::string::npos) << again.err;
  auto second = appleMac("C02XK0JHJG5H", "2026-11-24T11:00");
  second.insert(second.end(), {"--second-case", "Customer brought the charger fault too"});
  const std::string other = newCase(second);
  EXPECT_NE(other, first);
  EXPECT_EQ(caseCount(), 2u);
}

TEST_F(BadInputTest, ForeignDatabaseFileIsRefusedAndLeftAlone) {
  {
    std::ofstream text(db);
    text << "this is somebody's shopping list\n";
  }
  const CliRun r = run({"case", "list"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--db"), std::string::npos) << r.err;
  std::ifstream in(db);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "this is somebody's shopping list\n");
}

TEST_F(BadInputTest, RequiredIntakeFieldsComeFromTheVendorProfile) {
  EXPECT_EQ(intakeWith("--product", "", true).code, 2) << "the shipped Apple profile requires a product";
  // A centre whose Apple profile no longer requires the product name.
  const auto edited = std::filesystem::path(db).parent_path() / "assets";
  std::filesystem::create_directories(edited / "vendors");
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors")) {
    std::ifstream in(entry.path());
    auto profile = nlohmann::json::parse(in);
    if (profile["id"] == "apple") profile["required_fields"] = {"address", "mobile", "serial", "fault"};
    std::ofstream(edited / "vendors" / entry.path().filename()) << profile.dump(2);
  }
  std::filesystem::copy(std::filesystem::path(KIOSK_ASSETS_DIR) / "messages", edited / "messages");
  auto args = appleMac("C02XK0JHJG5H", "2026-11-24T10:00");
  args.erase(args.begin() + 6, args.begin() + 8);  // --product and its value
  args.insert(args.begin(), {"case", "new"});
  assets = edited.string();
  const CliRun r = run(args);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(caseCount(), 1u);
}

TEST_F(BadInputTest, UnknownCommandsAndOptionsAreUsageErrors) {
  EXPECT_EQ(run({"case", "frobnicate"}).code, 2);
  EXPECT_EQ(run({"case", "list", "--colour"}).code, 2);
  EXPECT_EQ(run({}).code, 2);
  EXPECT_EQ(run({"case", "list", "--status", "lost"}).code, 2);
  EXPECT_EQ(run({"--help"}).code, 0);
}

}  // namespace
}  // namespace kiosk::test
