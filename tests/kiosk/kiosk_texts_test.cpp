// Every string the kiosk shows comes from assets/i18n: each key its sources name exists in
// every language, and keys made from data (statuses) too.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "workflow/case_status.hpp"
#include "workflow/translations.hpp"

namespace kiosk::test {
namespace {

const std::filesystem::path kAssets = KIOSK_ASSETS_DIR;
const std::filesystem::path kKioskSources = std::filesystem::path(KIOSK_ASSETS_DIR).parent_path() / "kiosk";

// The first parts of the keys in the kiosk's own translation files ("queue", "status", ...):
// a string literal in kiosk/ starting with one of them and a dot is a key.
std::set<std::string> kioskKeyPrefixes() {
  std::set<std::string> prefixes;
  for (const auto& entry : std::filesystem::directory_iterator(kAssets / "i18n" / "nb")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string body = text.str();
    const std::regex key(R"re("([a-z_]+)\.[^"]*"\s*:)re");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), key); it != std::sregex_iterator(); ++it) {
      prefixes.insert((*it)[1]);
    }
  }
  return prefixes;
}

std::set<std::string> keysNamedInKioskSources() {
  const auto prefixes = kioskKeyPrefixes();
  std::set<std::string> keys;
  const std::regex literal(R"re("([a-z_]+)\.([a-z0-9_.\-]+)")re");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kKioskSources)) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string body = text.str();
    for (auto it = std::sregex_iterator(body.begin(), body.end(), literal); it != std::sregex_iterator(); ++it) {
      const std::string key = (*it)[1].str() + "." + (*it)[2].str();
      // A literal ending in '.' is the front of a key made from data ("status." + name).
      if (prefixes.count((*it)[1]) > 0 && key.back() != '.') keys.insert(key);
    }
  }
  return keys;
}

TEST(KioskTexts, TheSourcesNameKeysAndTheScannerFindsThem) {
  const auto keys = keysNamedInKioskSources();
  EXPECT_GT(keys.size(), 20U);
  EXPECT_EQ(keys.count("queue.title"), 1U);
}

TEST(KioskTexts, EveryKeyTheKioskNamesIsInEveryLanguage) {
  const auto keys = keysNamedInKioskSources();
  for (const auto& language : Translations::available(kAssets)) {
    const auto texts = Translations::load(kAssets, language);
    ASSERT_TRUE(texts) << texts.error().message;
    for (const auto& key : keys) {
      EXPECT_NE(texts->find(key), nullptr) << language << " lacks '" << key << "' (named in kiosk/)";
    }
  }
}

TEST(KioskTexts, EveryStatusHasItsWordInEveryLanguage) {
  for (const auto& language : Translations::available(kAssets)) {
    const auto texts = Translations::load(kAssets, language).value();
    for (int s = 0; s <= static_cast<int>(CaseStatus::Closed); ++s) {
      const std::string key = "status." + std::string(statusName(static_cast<CaseStatus>(s)));
      EXPECT_NE(texts.find(key), nullptr) << language << " lacks '" << key << "'";
    }
  }
}

TEST(KioskTexts, AKeyDefinedInTwoFilesIsRefusedNamingBoth) {
  const auto dir = std::filesystem::temp_directory_path() / "kiosk-texts-dup";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "i18n" / "nb");
  std::ofstream(dir / "i18n" / "nb.json") << R"({"a.b": "én"})";
  std::ofstream(dir / "i18n" / "nb" / "more.json") << R"({"a.b": "to"})";
  const auto texts = Translations::load(dir, "nb");
  ASSERT_FALSE(texts);
  EXPECT_NE(texts.error().message.find("more.json"), std::string::npos) << texts.error().message;
  EXPECT_NE(texts.error().message.find("nb.json"), std::string::npos) << texts.error().message;
  std::filesystem::remove_all(dir);
}

TEST(KioskTexts, PerScreenFilesAreMergedIntoTheLanguage) {
  const auto nb = Translations::load(kAssets, "nb").value();
  ASSERT_NE(nb.find("queue.title"), nullptr);  // from nb/kiosk-queue.json
  EXPECT_EQ(*nb.find("queue.title"), "Kø");
  ASSERT_NE(nb.find("receipt.title"), nullptr);  // from nb.json
}

}  // namespace
}  // namespace kiosk::test
