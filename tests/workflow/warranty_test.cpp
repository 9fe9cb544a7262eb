// The warranty decision, row by row from DOMAIN.md's rules, against the real vendor profiles
// (the rules live in assets/, so a test with hand-built profiles would not test what ships).
// Dates are chosen on both sides of every boundary: the last covered day and the day after.
#include "workflow/warranty.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "tests/workflow/test_dates.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {
namespace {

using test::day;

struct Row {
  const char* name;  // the rule the row checks; also the GoogleTest parameter name
  const char* vendor;
  const char* family;
  const char* purchased;
  const char* seller;
  const char* country;
  const char* judgedOn;
  Damage damage;
  const char* aceUntil;       // "" = none on the order
  const char* contractUntil;  // "" = none recorded
  // Expected:
  bool covered;
  const char* basis;
  const char* coveredUntil;  // "" = no coverage applies at all
  const char* action;
  int feeNok;

  friend std::ostream& operator<<(std::ostream& out, const Row& r) { return out << r.name; }
};

constexpr Damage kNone = Damage::None;
constexpr Damage kLiquid = Damage::Liquid;
constexpr Damage kImpact = Damage::Impact;
constexpr Damage kCracked = Damage::CrackedScreen;

// clang-format off
const Row kRows[] = {
  // name                                   vendor    family       purchased     seller   ctry  judged        damage   ace           contract      covered basis                   until         action        fee
  // Apple's limited warranty: one year; the last day is the day before the first anniversary.
  {"iphone_first_day",                      "apple",  "iphone",    "2026-03-10", "other", "NO", "2026-03-10", kNone,   "",           "",           true,  "apple-limited",        "2027-03-09", "repair",     0},
  {"iphone_last_day_of_year_one",           "apple",  "iphone",    "2026-03-10", "other", "NO", "2027-03-09", kNone,   "",           "",           true,  "apple-limited",        "2027-03-09", "repair",     0},
  {"iphone_first_anniversary_expired",      "apple",  "iphone",    "2026-03-10", "other", "NO", "2027-03-10", kNone,   "",           "",           false, "none",                 "2027-03-09", "quote",      450},
  {"iphone_from_atea_gets_no_extension",    "apple",  "iphone",    "2020-06-01", "atea",  "NO", "2021-06-01", kNone,   "",           "",           false, "none",                 "2021-05-31", "quote",      450},
  {"watch_from_atea_year_one",              "apple",  "watch",     "2020-06-01", "atea",  "NO", "2021-05-31", kNone,   "",           "",           true,  "apple-limited",        "2021-05-31", "repair",     0},
  {"watch_from_atea_gets_no_extension",     "apple",  "watch",     "2020-06-01", "atea",  "NO", "2021-06-01", kNone,   "",           "",           false, "none",                 "2021-05-31", "quote",      450},
  {"accessory_gets_no_extension",           "apple",  "accessory", "2022-01-10", "atea",  "NO", "2023-01-10", kNone,   "",           "",           false, "none",                 "2023-01-09", "quote",      450},
  {"judged_before_purchase_is_not_covered", "apple",  "iphone",    "2026-03-10", "other", "NO", "2026-03-09", kNone,   "",           "",           false, "none",                 "2027-03-09", "quote",      450},
  // Mac bought from the reseller in Norway on/after 2015-01-01: 3 years in total.
  {"mac_atea_year_one_is_apple",            "apple",  "mac",       "2020-06-01", "atea",  "NO", "2020-06-15", kNone,   "",           "",           true,  "apple-limited",        "2023-05-31", "repair",     0},
  {"mac_atea_last_day_of_year_one",         "apple",  "mac",       "2020-06-01", "atea",  "NO", "2021-05-31", kNone,   "",           "",           true,  "apple-limited",        "2023-05-31", "repair",     0},
  {"mac_atea_year_two_is_atea",             "apple",  "mac",       "2020-06-01", "atea",  "NO", "2021-06-01", kNone,   "",           "",           true,  "atea-extended",        "2023-05-31", "repair",     0},
  {"mac_atea_last_day_of_year_three",       "apple",  "mac",       "2020-06-01", "atea",  "NO", "2023-05-31", kNone,   "",           "",           true,  "atea-extended",        "2023-05-31", "repair",     0},
  {"mac_atea_third_anniversary_expired",    "apple",  "mac",       "2020-06-01", "atea",  "NO", "2023-06-01", kNone,   "",           "",           false, "none",                 "2023-05-31", "quote",      450},
  {"mac_other_seller_no_extension",         "apple",  "mac",       "2020-06-01", "other", "NO", "2021-06-01", kNone,   "",           "",           false, "none",                 "2021-05-31", "quote",      450},
  {"mac_other_seller_year_one",             "apple",  "mac",       "2020-06-01", "other", "NO", "2021-05-31", kNone,   "",           "",           true,  "apple-limited",        "2021-05-31", "repair",     0},
  {"mac_sweden_no_extension",               "apple",  "mac",       "2020-06-01", "atea",  "SE", "2021-06-01", kNone,   "",           "",           false, "none",                 "2021-05-31", "quote",      450},
  {"mac_sweden_still_has_apple_year",       "apple",  "mac",       "2020-06-01", "atea",  "SE", "2020-07-01", kNone,   "",           "",           true,  "apple-limited",        "2021-05-31", "repair",     0},
  {"mac_bought_2014_12_31_no_extension",    "apple",  "mac",       "2014-12-31", "atea",  "NO", "2016-01-05", kNone,   "",           "",           false, "none",                 "2015-12-30", "quote",      450},
  {"mac_bought_2014_12_31_year_one",        "apple",  "mac",       "2014-12-31", "atea",  "NO", "2015-12-30", kNone,   "",           "",           true,  "apple-limited",        "2015-12-30", "repair",     0},
  {"mac_bought_2015_01_01_extended",        "apple",  "mac",       "2015-01-01", "atea",  "NO", "2016-01-05", kNone,   "",           "",           true,  "atea-extended",        "2017-12-31", "repair",     0},
  {"mac_bought_2015_01_01_expired",         "apple",  "mac",       "2015-01-01", "atea",  "NO", "2018-01-01", kNone,   "",           "",           false, "none",                 "2017-12-31", "quote",      450},
  // iPad from the reseller: 2 years in total, and a covered iPad is swapped.
  {"ipad_atea_year_one_swap",               "apple",  "ipad",      "2024-09-15", "atea",  "NO", "2024-10-01", kNone,   "",           "",           true,  "apple-limited",        "2026-09-14", "swap",       0},
  {"ipad_atea_year_two_swap",               "apple",  "ipad",      "2024-09-15", "atea",  "NO", "2025-09-15", kNone,   "",           "",           true,  "atea-extended",        "2026-09-14", "swap",       0},
  {"ipad_atea_last_day",                    "apple",  "ipad",      "2024-09-15", "atea",  "NO", "2026-09-14", kNone,   "",           "",           true,  "atea-extended",        "2026-09-14", "swap",       0},
  {"ipad_atea_second_anniversary_expired",  "apple",  "ipad",      "2024-09-15", "atea",  "NO", "2026-09-15", kNone,   "",           "",           false, "none",                 "2026-09-14", "quote",      450},
  {"ipad_other_seller_no_extension",        "apple",  "ipad",      "2024-09-15", "other", "NO", "2025-09-15", kNone,   "",           "",           false, "none",                 "2025-09-14", "quote",      450},
  {"ipad_sweden_year_one_swap",             "apple",  "ipad",      "2024-09-15", "atea",  "SE", "2025-03-01", kNone,   "",           "",           true,  "apple-limited",        "2025-09-14", "swap",       0},
  {"ipad_bought_2014_12_31_no_extension",   "apple",  "ipad",      "2014-12-31", "atea",  "NO", "2015-12-31", kNone,   "",           "",           false, "none",                 "2015-12-30", "quote",      450},
  {"ipad_bought_2015_01_01_extended",       "apple",  "ipad",      "2015-01-01", "atea",  "NO", "2016-01-01", kNone,   "",           "",           true,  "atea-extended",        "2016-12-31", "swap",       0},
  // AppleCare for Enterprise: a basis of its own while active, after year one, before the reseller.
  {"ace_in_year_one_apple_pays_first",      "apple",  "iphone",    "2020-06-01", "other", "NO", "2020-07-01", kNone,   "2023-05-31", "",           true,  "apple-limited",        "2023-05-31", "repair",     0},
  {"ace_after_year_one",                    "apple",  "iphone",    "2020-06-01", "other", "NO", "2022-01-10", kNone,   "2023-05-31", "",           true,  "applecare-enterprise", "2023-05-31", "repair",     0},
  {"ace_last_day",                          "apple",  "iphone",    "2020-06-01", "other", "NO", "2023-05-31", kNone,   "2023-05-31", "",           true,  "applecare-enterprise", "2023-05-31", "repair",     0},
  {"ace_expired",                           "apple",  "iphone",    "2020-06-01", "other", "NO", "2023-06-01", kNone,   "2023-05-31", "",           false, "none",                 "2023-05-31", "quote",      450},
  {"ace_before_atea_extension",             "apple",  "mac",       "2020-06-01", "atea",  "NO", "2021-08-01", kNone,   "2022-05-31", "",           true,  "applecare-enterprise", "2023-05-31", "repair",     0},
  {"atea_extension_after_ace_ends",         "apple",  "mac",       "2020-06-01", "atea",  "NO", "2022-06-01", kNone,   "2022-05-31", "",           true,  "atea-extended",        "2023-05-31", "repair",     0},
  {"ace_outlasting_extension_sets_until",   "apple",  "mac",       "2020-06-01", "atea",  "NO", "2024-06-01", kNone,   "2024-12-31", "",           true,  "applecare-enterprise", "2024-12-31", "repair",     0},
  {"ace_outlasting_extension_expired",      "apple",  "mac",       "2020-06-01", "atea",  "NO", "2025-01-01", kNone,   "2024-12-31", "",           false, "none",                 "2024-12-31", "quote",      450},
  {"ace_shorter_than_year_one",             "apple",  "mac",       "2020-06-01", "atea",  "NO", "2020-10-01", kNone,   "2020-12-31", "",           true,  "apple-limited",        "2023-05-31", "repair",     0},
  {"ace_on_ipad_swaps",                     "apple",  "ipad",      "2024-09-15", "atea",  "NO", "2026-10-01", kNone,   "2027-09-14", "",           true,  "applecare-enterprise", "2027-09-14", "swap",       0},
  {"ace_in_sweden_covers",                  "apple",  "mac",       "2020-06-01", "atea",  "SE", "2022-01-10", kNone,   "2023-05-31", "",           true,  "applecare-enterprise", "2023-05-31", "repair",     0},
  // Damage is never covered, whatever the dates and whichever basis would pay.
  {"liquid_in_year_one",                    "apple",  "mac",       "2020-06-01", "atea",  "NO", "2020-06-15", kLiquid, "",           "",           false, "none",                 "2023-05-31", "quote",      450},
  {"impact_in_year_one",                    "apple",  "iphone",    "2026-03-10", "other", "NO", "2026-03-11", kImpact, "",           "",           false, "none",                 "2027-03-09", "quote",      450},
  {"cracked_screen_ipad_extended",          "apple",  "ipad",      "2024-09-15", "atea",  "NO", "2025-09-15", kCracked,"",           "",           false, "none",                 "2026-09-14", "quote",      450},
  {"liquid_under_ace",                      "apple",  "iphone",    "2020-06-01", "other", "NO", "2022-01-10", kLiquid, "2023-05-31", "",           false, "none",                 "2023-05-31", "quote",      450},
  {"impact_under_atea_extension",           "apple",  "mac",       "2020-06-01", "atea",  "NO", "2022-06-01", kImpact, "",           "",           false, "none",                 "2023-05-31", "quote",      450},
  {"liquid_after_expiry",                   "apple",  "watch",     "2020-06-01", "other", "NO", "2022-06-01", kLiquid, "",           "",           false, "none",                 "2021-05-31", "quote",      450},
  {"lenovo_liquid",                         "lenovo", "laptop",    "2024-01-10", "other", "NO", "2024-02-01", kLiquid, "",           "",           false, "none",                 "2027-01-09", "quote",      450},
  {"lenovo_cracked_screen",                 "lenovo", "tablet",    "2024-01-10", "other", "NO", "2025-02-01", kCracked,"",           "",           false, "none",                 "2027-01-09", "quote",      450},
  {"hp_impact_under_contract",              "hp",     "printer",   "2023-05-05", "other", "NO", "2026-06-01", kImpact, "",           "2027-12-31", false, "none",                 "2027-12-31", "quote",      450},
  // 29 February purchases: the anniversary in a common year is 1 March.
  {"feb29_mac_last_day_of_year_one",        "apple",  "mac",       "2020-02-29", "atea",  "NO", "2021-02-28", kNone,   "",           "",           true,  "apple-limited",        "2023-02-28", "repair",     0},
  {"feb29_mac_first_anniversary",           "apple",  "mac",       "2020-02-29", "atea",  "NO", "2021-03-01", kNone,   "",           "",           true,  "atea-extended",        "2023-02-28", "repair",     0},
  {"feb29_mac_third_anniversary_expired",   "apple",  "mac",       "2020-02-29", "atea",  "NO", "2023-03-01", kNone,   "",           "",           false, "none",                 "2023-02-28", "quote",      450},
  {"feb29_iphone_expired_on_1_march",       "apple",  "iphone",    "2020-02-29", "other", "NO", "2021-03-01", kNone,   "",           "",           false, "none",                 "2021-02-28", "quote",      450},
  {"feb29_ipad_last_day",                   "apple",  "ipad",      "2024-02-29", "atea",  "NO", "2026-02-28", kNone,   "",           "",           true,  "atea-extended",        "2026-02-28", "swap",       0},
  {"feb29_ipad_expired",                    "apple",  "ipad",      "2024-02-29", "atea",  "NO", "2026-03-01", kNone,   "",           "",           false, "none",                 "2026-02-28", "quote",      450},
  {"feb29_lenovo_last_day",                 "lenovo", "laptop",    "2024-02-29", "other", "NO", "2027-02-28", kNone,   "",           "",           true,  "lenovo-onsite-nbd",    "2027-02-28", "onsite-nbd", 0},
  {"feb29_lenovo_expired",                  "lenovo", "laptop",    "2024-02-29", "other", "NO", "2027-03-01", kNone,   "",           "",           false, "none",                 "2027-02-28", "quote",      450},
  // Lenovo: 3 years on-site next business day, wherever and from whomever bought.
  {"lenovo_year_one",                       "lenovo", "laptop",    "2024-01-10", "other", "NO", "2024-02-01", kNone,   "",           "",           true,  "lenovo-onsite-nbd",    "2027-01-09", "onsite-nbd", 0},
  {"lenovo_year_three_sweden",              "lenovo", "laptop",    "2024-01-10", "other", "SE", "2026-12-31", kNone,   "",           "",           true,  "lenovo-onsite-nbd",    "2027-01-09", "onsite-nbd", 0},
  {"lenovo_desktop_last_day",               "lenovo", "desktop",   "2024-01-10", "atea",  "NO", "2027-01-09", kNone,   "",           "",           true,  "lenovo-onsite-nbd",    "2027-01-09", "onsite-nbd", 0},
  {"lenovo_tablet_expired",                 "lenovo", "tablet",    "2024-01-10", "atea",  "NO", "2027-01-10", kNone,   "",           "",           false, "none",                 "2027-01-09", "quote",      450},
  {"lenovo_ignores_ace",                    "lenovo", "laptop",    "2024-01-10", "other", "NO", "2028-01-01", kNone,   "2030-01-01", "",           false, "none",                 "2027-01-09", "quote",      450},
  // HP Print: the service contract recorded at intake.
  {"hp_under_contract",                     "hp",     "printer",   "2023-05-05", "other", "NO", "2026-06-01", kNone,   "",           "2026-12-31", true,  "hp-contract",          "2026-12-31", "repair",     0},
  {"hp_contract_last_day",                  "hp",     "laptop",    "2023-05-05", "other", "NO", "2026-12-31", kNone,   "",           "2026-12-31", true,  "hp-contract",          "2026-12-31", "repair",     0},
  {"hp_contract_passed",                    "hp",     "desktop",   "2023-05-05", "other", "NO", "2027-01-01", kNone,   "",           "2026-12-31", false, "none",                 "2026-12-31", "quote",      450},
  {"hp_no_contract_end",                    "hp",     "printer",   "2026-05-05", "other", "NO", "2026-06-01", kNone,   "",           "",           false, "none",                 "",           "quote",      450},
  {"hp_no_contract_ignores_ace",            "hp",     "laptop",    "2026-05-05", "other", "NO", "2026-06-01", kNone,   "2030-01-01", "",           false, "none",                 "",           "quote",      450},
};
// clang-format on

class DecideWarranty : public ::testing::TestWithParam<Row> {
 protected:
  // Loaded per test rather than shared: three small files, and no state between rows.
  void SetUp() override {
    auto loaded = VendorCatalog::load(std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors");
    ASSERT_TRUE(loaded) << loaded.error().message;
    m_catalog.emplace(std::move(*loaded));
  }
  std::optional<VendorCatalog> m_catalog;
};

std::optional<Date> optionalDay(const char* text) {
  if (std::string_view(text).empty()) return std::nullopt;
  return day(text);
}

TEST_P(DecideWarranty, FollowsTheDomainRules) {
  const Row& row = GetParam();
  ASSERT_TRUE(m_catalog);
  // The family must be one the vendor makes, or the row tests an input intake would refuse.
  const auto vendor = m_catalog->resolve(row.vendor, row.family);
  ASSERT_TRUE(vendor) << vendor.error().message;

  WarrantyQuery query;
  query.family = row.family;
  query.purchased = day(row.purchased);
  query.seller = row.seller;
  query.country = row.country;
  query.judgedOn = day(row.judgedOn);
  query.damage = row.damage;
  query.aceUntil = optionalDay(row.aceUntil);
  query.contractUntil = optionalDay(row.contractUntil);

  const WarrantyDecision decision = decideWarranty(**vendor, query);
  EXPECT_EQ(decision.covered, row.covered);
  EXPECT_EQ(decision.basis, row.basis);
  EXPECT_EQ(decision.coveredUntil, optionalDay(row.coveredUntil));
  EXPECT_EQ(decision.action, row.action);
  EXPECT_EQ(decision.diagnosisFeeNok, row.feeNok);
}

INSTANTIATE_TEST_SUITE_P(Table, DecideWarranty, ::testing::ValuesIn(kRows),
                         [](const ::testing::TestParamInfo<Row>& row) {
                           return std::string(row.param.name);
                         });

TEST(DecideWarrantyTable, CoversEveryRuleWithEnoughRows) {
  // The brief for this table asks for at least 40 rows; fewer means rules went untested.
  EXPECT_GE(std::size(kRows), 40U);
}

TEST(Damage, NamesRoundTrip) {
  for (const Damage d : {Damage::Liquid, Damage::Impact, Damage::CrackedScreen}) {
    const auto parsed = parseDamage(damageName(d));
    ASSERT_TRUE(parsed) << damageName(d);
    EXPECT_EQ(*parsed, d);
  }
  EXPECT_EQ(parseDamage(""), Damage::None);
  EXPECT_EQ(parseDamage("none"), Damage::None);
  EXPECT_EQ(damageName(Damage::None), "");
}

TEST(Damage, UnknownKindIsBadInputOnFieldDamage) {
  for (const char* text : {"water", "Liquid", "cracked", "cracked screen", " impact"}) {
    const auto parsed = parseDamage(text);
    ASSERT_FALSE(parsed) << text;
    EXPECT_EQ(parsed.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(parsed.error().field, "damage");
  }
}

}  // namespace
}  // namespace kiosk
