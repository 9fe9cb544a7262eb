#include "workflow/vendor_profile.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

using nlohmann::json;

// Parses "HH:MM" into minutes after midnight.
int parseClock(const std::string& text, const std::string& key) {
  const auto at = parseLocalTime("2000-01-01T" + text);
  if (!at) throw std::runtime_error(key + ": '" + text + "' is not a time HH:MM");
  return minutesOfDay(*at);
}

Date parseDay(const std::string& text, const std::string& key) {
  const auto day = parseDate(text);
  if (!day) throw std::runtime_error(key + ": '" + text + "' is not a date YYYY-MM-DD");
  return *day;
}

WarrantyTerms parseWarranty(const json& w) {
  WarrantyTerms terms;
  terms.kind = w.at("kind").get<std::string>();
  if (terms.kind != "years" && terms.kind != "contract") {
    throw std::runtime_error("warranty.kind: '" + terms.kind + "' is neither 'years' nor 'contract'");
  }
  terms.years = w.value("years", 0);
  terms.basis = w.at("basis").get<std::string>();
  terms.appleCareEnterprise = w.value("applecare_enterprise", false);
  for (const auto& e : w.value("extensions", json::array())) {
    WarrantyExtension ext;
    ext.basis = e.at("basis").get<std::string>();
    ext.totalYearsByFamily = e.at("total_years_by_family").get<std::map<std::string, int>>();
    ext.seller = e.at("seller").get<std::string>();
    ext.purchasedFrom = parseDay(e.at("purchased_from").get<std::string>(), "extensions.purchased_from");
    ext.countries = e.at("countries").get<std::vector<std::string>>();
    terms.extensions.push_back(std::move(ext));
  }
  terms.coveredAction = w.at("covered_action").get<std::string>();
  terms.coveredActionByFamily =
      w.value("covered_action_by_family", std::map<std::string, std::string>{});
  terms.exclusions = w.value("exclusions", std::vector<std::string>{});
  terms.diagnosisFeeNok = w.value("diagnosis_fee_nok", 0);
  return terms;
}

ReturnTerms parseReturns(const json& r) {
  ReturnTerms terms;
  terms.kind = r.at("kind").get<std::string>();
  if (terms.kind == "carry-in") {
    terms.workingDays = r.at("working_days").get<int>();
  } else if (terms.kind == "onsite-nbd") {
    terms.cutoffMinutes = parseClock(r.at("cutoff").get<std::string>(), "return.cutoff");
    terms.lateAfterMinutes = parseClock(r.at("late_after").get<std::string>(), "return.late_after");
  } else {
    throw std::runtime_error("return.kind: '" + terms.kind + "' is neither 'carry-in' nor 'onsite-nbd'");
  }
  return terms;
}

}  // namespace

bool VendorProfile::makes(const std::string& family) const {
  return std::find(families.begin(), families.end(), family) != families.end();
}

bool VendorProfile::requiresField(const std::string& field) const {
  return std::find(requiredFields.begin(), requiredFields.end(), field) != requiredFields.end();
}

Result<VendorProfile> VendorCatalog::parseProfile(const std::string& text, const std::string& source) {
  try {
    const json j = json::parse(text);
    VendorProfile p;
    p.id = j.at("id").get<std::string>();
    p.name = j.at("name").get<std::string>();
    p.serviceContract = j.at("service_contract").get<std::string>();
    p.families = j.at("families").get<std::vector<std::string>>();
    p.requiredFields = j.at("required_fields").get<std::vector<std::string>>();
    p.asksPasscode = j.value("asks_passcode", false);
    p.warranty = parseWarranty(j.at("warranty"));
    p.returns = parseReturns(j.at("return"));
    return p;
  } catch (const std::exception& e) {
    return badInput("vendor profile", source + ": " + e.what());
  }
}

Result<VendorCatalog> VendorCatalog::load(const std::filesystem::path& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    return badInput("assets", "vendor profile folder '" + folder.string() + "' does not exist");
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<VendorProfile> profiles;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto profile = parseProfile(text.str(), file.string());
    if (!profile) return tl::unexpected(profile.error());
    profiles.push_back(std::move(*profile));
  }
  if (profiles.empty()) {
    return badInput("assets", "no vendor profiles (*.json) in '" + folder.string() + "'");
  }
  return VendorCatalog(std::move(profiles));
}

VendorCatalog::VendorCatalog(std::vector<VendorProfile> profiles) : m_profiles(std::move(profiles)) {}

const VendorProfile* VendorCatalog::find(const std::string& id) const {
  for (const auto& p : m_profiles) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

Result<const VendorProfile*> VendorCatalog::resolve(const std::string& vendor,
                                                    const std::string& family) const {
  const VendorProfile* profile = find(vendor);
  if (profile == nullptr) {
    std::string known;
    for (const auto& p : m_profiles) known += (known.empty() ? "" : ", ") + p.id;
    return badInput("vendor", "unknown vendor '" + vendor + "' (known: " + known + ")");
  }
  if (!profile->makes(family)) {
    std::string known;
    for (const auto& f : profile->families) known += (known.empty() ? "" : ", ") + f;
    return badInput("family", profile->name + " does not make '" + family + "' (families: " + known + ")");
  }
  return profile;
}

}  // namespace kiosk
