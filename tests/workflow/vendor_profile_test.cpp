// Vendor profiles are data a service centre edits by hand, so the shipped ones must say what
// DOMAIN.md's table says, and a broken edit must be refused with a message that names the file
// and the key, not crash or silently fall back to defaults.
#include "workflow/vendor_profile.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "tests/workflow/test_dates.hpp"

namespace kiosk {
namespace {

using nlohmann::json;
using test::day;

std::filesystem::path vendorsDir() { return std::filesystem::path(KIOSK_ASSETS_DIR) / "vendors"; }

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

VendorCatalog realCatalog() {
  auto catalog = VendorCatalog::load(vendorsDir());
  if (!catalog)
    throw std::runtime_error("real vendor profiles do not load: " + catalog.error().message);
  return std::move(*catalog);
}

// A scratch folder of its own per test, removed afterwards.
class TempFolder {
 public:
  TempFolder() {
    std::random_device seed;
    m_path = std::filesystem::temp_directory_path() /
             ("kiosk_vendor_test_" + std::to_string(seed()) + std::to_string(seed()));
    std::filesystem::create_directories(m_path);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(m_path / name) << text;
  }

 private:
  std::filesystem::path m_path;
};

TEST(VendorCatalog, RealProfilesLoad) {
  const auto catalog = VendorCatalog::load(vendorsDir());
  ASSERT_TRUE(catalog) << catalog.error().message;
  std::vector<std::string> ids;
  for (const auto& p : catalog->all()) ids.push_back(p.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"apple", "hp", "lenovo"}));
}

TEST(VendorCatalog, RealProfilesMatchTheDomainTable) {
  const VendorCatalog catalog = realCatalog();
  const VendorProfile* apple = catalog.find("apple");
  const VendorProfile* hp = catalog.find("hp");
  const VendorProfile* lenovo = catalog.find("lenovo");
  ASSERT_NE(apple, nullptr);
  ASSERT_NE(hp, nullptr);
  ASSERT_NE(lenovo, nullptr);

  EXPECT_EQ(apple->serviceContract, "SA0011807");
  EXPECT_EQ(hp->serviceContract, "SA0003682");
  EXPECT_EQ(lenovo->serviceContract, "SA0009858");  // via the desk's general agreement

  EXPECT_EQ(apple->families,
            (std::vector<std::string>{"mac", "ipad", "iphone", "watch", "accessory"}));
  EXPECT_EQ(hp->families, (std::vector<std::string>{"printer", "laptop", "desktop"}));
  EXPECT_EQ(lenovo->families, (std::vector<std::string>{"laptop", "desktop", "tablet"}));

  // Only Apple asks for the device password or PIN.
  EXPECT_TRUE(apple->asksPasscode);
  EXPECT_FALSE(hp->asksPasscode);
  EXPECT_FALSE(lenovo->asksPasscode);
  for (const VendorProfile* p : {apple, hp, lenovo}) {
    for (const char* field : {"address", "mobile", "product", "serial", "fault"}) {
      EXPECT_TRUE(p->requiresField(field)) << p->id << " " << field;
    }
    EXPECT_FALSE(p->requiresField("invoice")) << p->id << ": preferred, not required";
    EXPECT_FALSE(p->requiresField("order")) << p->id << ": preferred, not required";
    const std::vector<std::string> allDamage = {"liquid", "impact", "cracked-screen"};
    EXPECT_EQ(p->warranty.exclusions, allDamage) << p->id;
    EXPECT_EQ(p->warranty.diagnosisFeeNok, 450) << p->id;
  }

  EXPECT_EQ(apple->warranty.kind, "years");
  EXPECT_EQ(apple->warranty.years, 1);
  EXPECT_EQ(apple->warranty.basis, "apple-limited");
  EXPECT_TRUE(apple->warranty.appleCareEnterprise);
  ASSERT_EQ(apple->warranty.extensions.size(), 1U);
  const WarrantyExtension& ext = apple->warranty.extensions.front();
  EXPECT_EQ(ext.basis, "atea-extended");
  EXPECT_EQ(ext.totalYearsByFamily, (std::map<std::string, int>{{"mac", 3}, {"ipad", 2}}));
  EXPECT_EQ(ext.seller, "atea");
  EXPECT_EQ(ext.purchasedFrom, day("2015-01-01"));
  EXPECT_EQ(ext.countries, (std::vector<std::string>{"NO"}));
  EXPECT_EQ(apple->warranty.coveredAction, "repair");
  EXPECT_EQ(apple->warranty.coveredActionByFamily.at("ipad"), "swap");
  EXPECT_EQ(apple->returns.kind, "carry-in");
  EXPECT_EQ(apple->returns.workingDays, 3);
  EXPECT_FALSE(apple->isOnSite());

  EXPECT_EQ(hp->warranty.kind, "contract");
  EXPECT_EQ(hp->warranty.basis, "hp-contract");
  EXPECT_FALSE(hp->warranty.appleCareEnterprise);
  EXPECT_TRUE(hp->warranty.extensions.empty());

  EXPECT_EQ(lenovo->warranty.kind, "years");
  EXPECT_EQ(lenovo->warranty.years, 3);
  EXPECT_EQ(lenovo->warranty.basis, "lenovo-onsite-nbd");
  EXPECT_EQ(lenovo->warranty.coveredAction, "onsite-nbd");
  EXPECT_FALSE(lenovo->warranty.appleCareEnterprise);
  EXPECT_TRUE(lenovo->isOnSite());
  EXPECT_EQ(lenovo->returns.cutoffMinutes, 15 * 60 + 30);
  EXPECT_EQ(lenovo->returns.lateAfterMinutes, 16 * 60);
}

TEST(VendorCatalog, ResolveFindsVendorAndFamily) {
  const VendorCatalog catalog = realCatalog();
  for (const auto& [vendor, family] :
       std::vector<std::pair<std::string, std::string>>{{"apple", "mac"},
                                                        {"apple", "ipad"},
                                                        {"apple", "iphone"},
                                                        {"apple", "watch"},
                                                        {"apple", "accessory"},
                                                        {"hp", "printer"},
                                                        {"hp", "laptop"},
                                                        {"hp", "desktop"},
                                                        {"lenovo", "laptop"},
                                                        {"lenovo", "desktop"},
                                                        {"lenovo", "tablet"}}) {
    const auto resolved = catalog.resolve(vendor, family);
    ASSERT_TRUE(resolved) << vendor << "/" << family << ": " << resolved.error().message;
    EXPECT_EQ((*resolved)->id, vendor);
  }
}

TEST(VendorCatalog, ResolveRejectsUnknownVendorOnFieldVendor) {
  const VendorCatalog catalog = realCatalog();
  for (const std::string vendor : {"dell", "", "Apple ", "applecare", "hp-print"}) {
    const auto resolved = catalog.resolve(vendor, "laptop");
    ASSERT_FALSE(resolved) << "'" << vendor << "'";
    EXPECT_EQ(resolved.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(resolved.error().field, "vendor");
    EXPECT_NE(resolved.error().message.find("'" + vendor + "'"), std::string::npos)
        << resolved.error().message;
  }
}

TEST(VendorCatalog, ResolveRejectsAFamilyTheVendorDoesNotMakeOnFieldFamily) {
  const VendorCatalog catalog = realCatalog();
  for (const auto& [vendor, family] :
       std::vector<std::pair<std::string, std::string>>{{"apple", "printer"},
                                                        {"apple", "laptop"},
                                                        {"apple", "tablet"},
                                                        {"hp", "ipad"},
                                                        {"hp", "mac"},
                                                        {"hp", "tablet"},
                                                        {"lenovo", "mac"},
                                                        {"lenovo", "printer"},
                                                        {"lenovo", "iphone"},
                                                        {"apple", ""},
                                                        {"apple", "Mac"}}) {
    const auto resolved = catalog.resolve(vendor, family);
    ASSERT_FALSE(resolved) << vendor << "/" << family;
    EXPECT_EQ(resolved.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(resolved.error().field, "family") << vendor << "/" << family;
    EXPECT_NE(resolved.error().message.find("'" + family + "'"), std::string::npos)
        << resolved.error().message;
  }
}

// ---- parseProfile: what a hand edit can break --------------------------------------------

json realAppleProfile() { return json::parse(readFile(vendorsDir() / "apple.json")); }
json realLenovoProfile() { return json::parse(readFile(vendorsDir() / "lenovo.json")); }

void expectRefused(const std::string& text, const std::string& mentions) {
  const std::string source = "assets/vendors/edited.json";
  const auto profile = VendorCatalog::parseProfile(text, source);
  ASSERT_FALSE(profile) << "accepted a profile that should mention " << mentions;
  EXPECT_EQ(profile.error().kind, ErrorKind::BadInput);
  EXPECT_EQ(profile.error().message.rfind(source, 0), 0U)
      << "message should start with the source: " << profile.error().message;
  EXPECT_NE(profile.error().message.find(mentions), std::string::npos) << profile.error().message;
}

TEST(ParseProfile, AcceptsTheRealProfilesUnchanged) {
  for (const char* file : {"apple.json", "hp.json", "lenovo.json"}) {
    const auto profile = VendorCatalog::parseProfile(readFile(vendorsDir() / file), file);
    EXPECT_TRUE(profile) << file << ": " << profile.error().message;
  }
}

TEST(ParseProfile, RejectsMalformedJson) {
  const std::string good = realAppleProfile().dump();
  expectRefused("", "");
  expectRefused("{", "");
  expectRefused("not json", "");
  expectRefused(good.substr(0, good.size() / 2), "");
  expectRefused(good + "}", "");
  expectRefused("[]", "");
  expectRefused("null", "");
}

TEST(ParseProfile, RejectsEachMissingRequiredKeyNamingIt) {
  for (const char* key :
       {"id", "name", "service_contract", "families", "required_fields", "warranty", "return"}) {
    json profile = realAppleProfile();
    profile.erase(key);
    expectRefused(profile.dump(), key);
  }
  for (const char* key : {"kind", "basis", "covered_action"}) {
    json profile = realAppleProfile();
    profile["warranty"].erase(key);
    expectRefused(profile.dump(), key);
  }
  for (const char* key :
       {"basis", "total_years_by_family", "seller", "purchased_from", "countries"}) {
    json profile = realAppleProfile();
    profile["warranty"]["extensions"][0].erase(key);
    expectRefused(profile.dump(), key);
  }
  {
    json profile = realAppleProfile();
    profile["return"].erase("kind");
    expectRefused(profile.dump(), "kind");
  }
  {
    json profile = realAppleProfile();
    profile["return"].erase("working_days");
    expectRefused(profile.dump(), "working_days");
  }
  for (const char* key : {"cutoff", "late_after"}) {
    json profile = realLenovoProfile();
    profile["return"].erase(key);
    expectRefused(profile.dump(), key);
  }
}

TEST(ParseProfile, RejectsWrongTypesAndValues) {
  {
    json profile = realAppleProfile();
    profile["families"] = "mac";
    expectRefused(profile.dump(), "");
  }
  {
    json profile = realAppleProfile();
    profile["warranty"]["kind"] = "forever";
    expectRefused(profile.dump(), "warranty.kind");
  }
  {
    json profile = realAppleProfile();
    profile["return"]["kind"] = "by-post";
    expectRefused(profile.dump(), "return.kind");
  }
  {
    json profile = realAppleProfile();
    profile["warranty"]["extensions"][0]["purchased_from"] = "2015-02-30";
    expectRefused(profile.dump(), "purchased_from");
  }
  {
    json profile = realLenovoProfile();
    profile["return"]["cutoff"] = "24:00";
    expectRefused(profile.dump(), "return.cutoff");
  }
  {
    json profile = realLenovoProfile();
    profile["return"]["late_after"] = "4pm";
    expectRefused(profile.dump(), "return.late_after");
  }
}

TEST(VendorCatalogLoad, RefusesAMissingOrEmptyFolder) {
  const TempFolder folder;
  const auto missing = VendorCatalog::load(folder.path() / "no-such-folder");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::BadInput);
  EXPECT_NE(missing.error().message.find("no-such-folder"), std::string::npos)
      << missing.error().message;

  folder.write("README.txt", "not a profile");
  const auto empty = VendorCatalog::load(folder.path());
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().kind, ErrorKind::BadInput);
}

TEST(VendorCatalogLoad, NamesTheBrokenFile) {
  const TempFolder folder;
  folder.write("apple.json", readFile(vendorsDir() / "apple.json"));
  json broken = realLenovoProfile();
  broken.erase("service_contract");
  folder.write("lenovo.json", broken.dump());
  const auto catalog = VendorCatalog::load(folder.path());
  ASSERT_FALSE(catalog);
  EXPECT_EQ(catalog.error().kind, ErrorKind::BadInput);
  EXPECT_NE(catalog.error().message.find("lenovo.json"), std::string::npos)
      << catalog.error().message;
  EXPECT_NE(catalog.error().message.find("service_contract"), std::string::npos)
      << catalog.error().message;
}

TEST(VendorCatalogLoad, AProfileAddedAsDataIsPickedUp) {
  // "extendable there": a new family or vendor is a data change, not a build.
  const TempFolder folder;
  json apple = realAppleProfile();
  apple["families"].push_back("vision");
  folder.write("apple.json", apple.dump());
  json acme = realLenovoProfile();
  acme["id"] = "acme";
  acme["name"] = "Acme";
  folder.write("acme.json", acme.dump());
  const auto catalog = VendorCatalog::load(folder.path());
  ASSERT_TRUE(catalog) << catalog.error().message;
  EXPECT_TRUE(catalog->resolve("apple", "vision"));
  EXPECT_TRUE(catalog->resolve("acme", "tablet"));
  EXPECT_FALSE(catalog->resolve("hp", "printer"));  // not in this folder
}

}  // namespace
}  // namespace kiosk
