#pragma once
// Vendor profiles: contract numbers, intake fields, warranty terms and deadlines, as data.
// They are read from assets/vendors/*.json so a service centre can change them without a build.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "workflow/calendar.hpp"
#include "workflow/error.hpp"

namespace kiosk {

// An extra term on top of the base warranty, e.g. the reseller's Mac/iPad extension.
struct WarrantyExtension {
  std::string basis;
  std::map<std::string, int> totalYearsByFamily;  // families it applies to, and their term
  std::string seller;                             // only devices bought from this seller
  Date purchasedFrom;                             // bought on or after this day
  std::vector<std::string> countries;             // bought in one of these countries (ISO code)
};

struct WarrantyTerms {
  std::string kind;   // "years": a term from purchase; "contract": until the contract's end date
  int years = 0;      // for "years"
  std::string basis;  // the basis the base term pays under
  bool appleCareEnterprise = false;  // an ACE end date on the order is a basis of its own
  std::vector<WarrantyExtension> extensions;
  std::string coveredAction;                       // what a covered case gets
  std::map<std::string, std::string> coveredActionByFamily;  // e.g. ipad -> swap
  std::vector<std::string> exclusions;             // damage kinds never covered
  int diagnosisFeeNok = 0;                         // charged when not covered
};

struct ReturnTerms {
  std::string kind;         // "carry-in" or "onsite-nbd"
  int workingDays = 0;      // carry-in: the customer has the device back N working days after being informed
  int cutoffMinutes = 0;    // on-site: reported before this local time -> next working day
  int lateAfterMinutes = 0; // on-site: reported after this -> one working day more
};

struct VendorProfile {
  std::string id;
  std::string name;
  std::string serviceContract;
  std::vector<std::string> families;
  std::vector<std::string> requiredFields;  // intake fields the vendor requires, by CLI name
  bool asksPasscode = false;
  WarrantyTerms warranty;
  ReturnTerms returns;

  [[nodiscard]] bool makes(const std::string& family) const;
  [[nodiscard]] bool requiresField(const std::string& field) const;
  [[nodiscard]] bool isOnSite() const { return returns.kind == "onsite-nbd"; }
};

class VendorCatalog {
 public:
  // Reads every *.json profile in `folder`; a malformed profile is an error naming file and key.
  [[nodiscard]] static Result<VendorCatalog> load(const std::filesystem::path& folder);
  [[nodiscard]] static Result<VendorProfile> parseProfile(const std::string& json, const std::string& source);

  explicit VendorCatalog(std::vector<VendorProfile> profiles);
  [[nodiscard]] const VendorProfile* find(const std::string& id) const;
  [[nodiscard]] const std::vector<VendorProfile>& all() const { return m_profiles; }
  // Looks up a vendor and checks that it makes the family; errors name the fields.
  [[nodiscard]] Result<const VendorProfile*> resolve(const std::string& vendor,
                                                     const std::string& family) const;

 private:
  std::vector<VendorProfile> m_profiles;
};

}  // namespace kiosk
