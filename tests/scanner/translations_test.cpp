// Translations: every language has every key the code and the vendor profiles use, with the same
// placeholders; lookups, placeholders, dates and the missing-key marker.
#include <regex>
#include <set>

#include "print_samples.hpp"
#include "workflow/case_status.hpp"

namespace kiosk::test {
namespace {

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> names;
  const std::regex pattern(R"(\{([a-z_]+)\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
    names.insert((*it)[1]);
  }
  return names;
}

// Keys made from vendor data: each family, basis, exclusion, seller and country a profile names.
std::set<std::string> dataKeys(const VendorCatalog& vendors) {
  std::set<std::string> keys;
  for (const auto& v : vendors.all()) {
    for (const auto& f : v.families) keys.insert("family." + f);
    keys.insert("basis." + v.warranty.basis);
    for (const auto& d : v.warranty.exclusions) keys.insert("damage." + d);
    for (const auto& e : v.warranty.extensions) {
      keys.insert("basis." + e.basis);
      keys.insert("seller." + e.seller);
      for (const auto& c : e.countries) keys.insert("country." + c);
    }
  }
  return keys;
}

TEST(TranslationsTest, BokmalAndEnglishAreTheLanguagesAndBokmalIsTheDefault) {
  EXPECT_EQ(Translations::available(kAssets), (std::vector<std::string>{"en", "nb"}));
  const auto texts = Translations::load(kAssets);
  ASSERT_TRUE(texts) << texts.error().message;
  EXPECT_EQ(texts->language(), "nb");
  EXPECT_EQ(texts->text("receipt.title"), "Kvittering for innlevert utstyr");
}

TEST(TranslationsTest, EveryLanguageHasTheSameKeys) {
  const auto nb = Translations::load(kAssets, "nb").value().keys();
  for (const auto& language : Translations::available(kAssets)) {
    const auto keys = Translations::load(kAssets, language).value().keys();
    std::vector<std::string> onlyNb, onlyOther;
    std::set_difference(nb.begin(), nb.end(), keys.begin(), keys.end(), std::back_inserter(onlyNb));
    std::set_difference(keys.begin(), keys.end(), nb.begin(), nb.end(), std::back_inserter(onlyOther));
    for (const auto& k : onlyNb) ADD_FAILURE() << language << ".json lacks '" << k << "' (nb.json has it)";
    for (const auto& k : onlyOther) ADD_FAILURE() << "nb.json lacks '" << k << "' (" << language << ".json has it)";
  }
}

TEST(TranslationsTest, EveryKeyTheCodeUsesIsInEveryLanguage) {
  for (const auto& language : Translations::available(kAssets)) {
    const auto texts = Translations::load(kAssets, language).value();
    for (const std::string_view key : kTextKeys) {
      EXPECT_TRUE(texts.lookup(key).has_value()) << language << ".json lacks '" << key << "'";
    }
  }
}

TEST(TranslationsTest, EveryStatusHasItsCustomerWordsInEveryLanguage) {
  // kioskctl status and the kiosk's customer status screen say these (customerStatusWords).
  for (const auto& language : Translations::available(kAssets)) {
    const auto texts = Translations::load(kAssets, language).value();
    for (int s = 0; s <= static_cast<int>(CaseStatus::Closed); ++s) {
      const std::string name(statusName(static_cast<CaseStatus>(s)));
      for (const std::string& key : {"customer.status." + name, "customer.next." + name}) {
        EXPECT_TRUE(texts.lookup(key).has_value()) << language << " lacks '" << key << "'";
      }
    }
    for (const char* key : {"customer.due", "customer.due_unknown", "customer.due_closed"}) {
      EXPECT_TRUE(texts.lookup(key).has_value()) << language << " lacks '" << key << "'";
    }
  }
}

TEST(TranslationsTest, EveryKeyTheVendorProfilesNeedIsInEveryLanguage) {
  const auto vendors = VendorCatalog::load(kAssets / "vendors").value();
  const auto keys = dataKeys(vendors);
  ASSERT_TRUE(keys.count("family.ipad") == 1 && keys.count("basis.atea-extended") == 1);
  for (const auto& language : Translations::available(kAssets)) {
    const auto texts = Translations::load(kAssets, language).value();
    for (const auto& key : keys) EXPECT_TRUE(texts.lookup(key).has_value()) << language << ".json lacks '" << key << "'";
  }
}

TEST(TranslationsTest, EveryLanguageUsesTheSamePlaceholdersAndNoTextIsEmpty) {
  const auto nb = Translations::load(kAssets, "nb").value();
  for (const auto& language : Translations::available(kAssets)) {
    const auto texts = Translations::load(kAssets, language).value();
    for (const auto& key : texts.keys()) {
      const std::string text = *texts.lookup(key);
      EXPECT_FALSE(text.empty()) << language << ": " << key;
      if (const auto base = nb.lookup(key)) {
        EXPECT_EQ(placeholders(text), placeholders(*base)) << language << ": " << key;
      }
    }
  }
}

TEST(TranslationsTest, AMissingKeyPrintsAsAMarkerThatNamesIt) {
  const auto texts = Translations::parse(R"({"receipt.case_number": "Saksnummer"})", "nb", "test.json").value();
  EXPECT_EQ(texts.text("receipt.case_number"), "Saksnummer");
  EXPECT_EQ(texts.text("receipt.title"), "[[receipt.title]]");
  EXPECT_EQ(texts.text("receipt.registered", {{"datetime", "x"}}), "[[receipt.registered]]");
  EXPECT_FALSE(texts.lookup("family.toaster").has_value());
  EXPECT_EQ(texts.lookupOr("family.toaster", "toaster"), "toaster");
}

TEST(TranslationsTest, PlaceholdersAreFilledAndUnknownOnesLeftVisible) {
  const TextArg args[] = {{"name", "Kari"}, {"n", "3"}};
  EXPECT_EQ(Translations::fill("Hei {name}, {n} dager, {other} {", args), "Hei Kari, 3 dager, {other} {");
  EXPECT_EQ(Translations::fill("{name}{name}", args), "KariKari");
  EXPECT_EQ(Translations::fill("", args), "");
}

TEST(TranslationsTest, DatesAndCountsInEachLanguage) {
  const auto nb = Translations::load(kAssets, "nb").value();
  const auto en = Translations::load(kAssets, "en").value();
  const Date day = *parseDate("2026-11-05");
  EXPECT_EQ(nb.shortDate(day), "05.11.2026");
  EXPECT_EQ(nb.longDate(day), "5. november 2026");
  EXPECT_EQ(en.longDate(day), "5 November 2026");
  EXPECT_EQ(nb.dateTime(*parseLocalTime("2026-11-05T09:07")), "5. november 2026 kl. 09:07");
  EXPECT_EQ(en.dateTime(*parseLocalTime("2026-11-05T16:30")), "5 November 2026 at 16:30");
  EXPECT_EQ(en.count("unit.years.one", "unit.years.other", 1), "1 year");
  EXPECT_EQ(en.count("unit.years.one", "unit.years.other", 3), "3 years");
  EXPECT_EQ(nb.count("unit.working_days.one", "unit.working_days.other", 3), "3 virkedager");
}

TEST(TranslationsTest, AnUnknownLanguageIsBadInputOnLangThatListsTheLanguages) {
  for (const char* language : {"fr", "NB", "../vendors/apple", "", "nbx1"}) {
    const auto texts = Translations::load(kAssets, language);
    ASSERT_FALSE(texts) << language;
    EXPECT_EQ(texts.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(texts.error().field, "lang");
    EXPECT_NE(texts.error().message.find("en, nb"), std::string::npos) << texts.error().message;
  }
}

TEST(TranslationsTest, AMalformedFileNamesTheFileAndTheKey) {
  auto texts = Translations::parse(R"({"receipt.title": 3})", "nb", "i18n/nb.json");
  ASSERT_FALSE(texts);
  EXPECT_NE(texts.error().message.find("i18n/nb.json"), std::string::npos);
  EXPECT_NE(texts.error().message.find("receipt.title"), std::string::npos);
  texts = Translations::parse("{ not json", "nb", "i18n/nb.json");
  ASSERT_FALSE(texts);
  EXPECT_NE(texts.error().message.find("i18n/nb.json"), std::string::npos);
  EXPECT_FALSE(Translations::parse("[]", "nb", "x.json"));
}

}  // namespace
}  // namespace kiosk::test
