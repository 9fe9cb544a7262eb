#include "kiosk/screens/settings_vendors.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <imgui.h>

namespace kiosk {
namespace {

std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// Words for data-made keys ("family.mac", "settings.field.mobile"), the raw id when a
// translator has not named it yet.
std::vector<std::string> words(const UiText& text, const std::string& front, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back(text.translations().lookupOr(front + id, id));
  return out;
}

std::string clock(int minutes) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
  return buffer;
}

std::string warrantyTerms(const VendorProfile& v, const UiText& t) {
  const Translations& tr = t.translations();
  std::vector<std::string> lines;
  const std::string basis = tr.lookupOr("basis." + v.warranty.basis, v.warranty.basis);
  if (v.warranty.kind == "contract") {
    lines.push_back(t.format("settings.vendor.by_contract", {{"basis", basis}}));
  } else {
    lines.push_back(t.format("settings.vendor.years",
                             {{"term", tr.count("unit.years.one", "unit.years.other", v.warranty.years)},
                              {"basis", basis}}));
  }
  for (const WarrantyExtension& e : v.warranty.extensions) {
    std::vector<std::string> terms;
    for (const auto& [family, years] : e.totalYearsByFamily) {
      terms.push_back(tr.lookupOr("family." + family, family) + " " +
                      tr.count("unit.years.one", "unit.years.other", years));
    }
    lines.push_back(t.format("settings.vendor.extension",
                             {{"basis", tr.lookupOr("basis." + e.basis, e.basis)},
                              {"terms", joined(terms)},
                              {"seller", tr.lookupOr("seller." + e.seller, e.seller)},
                              {"date", tr.shortDate(e.purchasedFrom)},
                              {"countries", joined(words(t, "country.", e.countries))}}));
  }
  if (v.warranty.appleCareEnterprise) lines.emplace_back(t("settings.vendor.ace"));
  return joined(lines, "\n");
}

std::string coveredAction(const VendorProfile& v, const UiText& t) {
  const Translations& tr = t.translations();
  std::string line = tr.lookupOr("settings.action." + v.warranty.coveredAction, v.warranty.coveredAction);
  for (const auto& [family, action] : v.warranty.coveredActionByFamily) {
    line += "\n" + tr.lookupOr("family." + family, family) + ": " + tr.lookupOr("settings.action." + action, action);
  }
  return line;
}

std::string returnTerms(const VendorProfile& v, const UiText& t) {
  if (v.isOnSite()) {
    return t.format("settings.vendor.onsite",
                    {{"cutoff", clock(v.returns.cutoffMinutes)}, {"late", clock(v.returns.lateAfterMinutes)}});
  }
  return t.format("settings.vendor.carry_in",
                  {{"days", t.translations().count("unit.working_days.one", "unit.working_days.other",
                                                   v.returns.workingDays)}});
}

// One row: the term's name, then each vendor's value, wrapped to its column.
template <class Value>
void row(const char* name, const VendorCatalog& vendors, Value&& value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), "%s", name);
  for (const VendorProfile& v : vendors.all()) {
    ImGui::TableNextColumn();
    const std::string text = value(v);
    ImGui::TextWrapped("%s", text.c_str());
  }
}

}  // namespace

void drawVendorProfiles(const VendorCatalog& vendors, const UiText& t) {
  const int columns = static_cast<int>(vendors.all().size()) + 1;
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersInnerV |
                                     ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchSame;
  if (!ImGui::BeginTable("##vendors", columns, kFlags)) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  // The terms' column as wide as its longest name, the rest shared by the vendors.
  float termWidth = 0;
  for (const char* key : {"settings.vendor.contract", "settings.vendor.families", "settings.vendor.required",
                          "settings.vendor.passcode", "settings.vendor.warranty", "settings.vendor.covered",
                          "settings.vendor.exclusions", "settings.vendor.fee", "settings.vendor.returns"}) {
    termWidth = std::max(termWidth, ImGui::CalcTextSize(t(key)).x);
  }
  ImGui::TableSetupColumn(t("settings.vendor.term"), ImGuiTableColumnFlags_WidthFixed, termWidth);
  for (const VendorProfile& v : vendors.all()) ImGui::TableSetupColumn(v.name.c_str());
  ImGui::TableHeadersRow();
  row(t("settings.vendor.id"), vendors, [](const VendorProfile& v) { return v.id; });
  row(t("settings.vendor.contract"), vendors, [&t](const VendorProfile& v) {
    return v.serviceContract.empty() ? std::string(t("settings.vendor.no_contract")) : v.serviceContract;
  });
  row(t("settings.vendor.families"), vendors,
      [&t](const VendorProfile& v) { return joined(words(t, "family.", v.families)); });
  row(t("settings.vendor.required"), vendors,
      [&t](const VendorProfile& v) { return joined(words(t, "settings.field.", v.requiredFields)); });
  row(t("settings.vendor.passcode"), vendors, [&t](const VendorProfile& v) {
    return std::string(v.asksPasscode ? t("settings.yes") : t("settings.no"));
  });
  row(t("settings.vendor.warranty"), vendors, [&t](const VendorProfile& v) { return warrantyTerms(v, t); });
  row(t("settings.vendor.covered"), vendors, [&t](const VendorProfile& v) { return coveredAction(v, t); });
  row(t("settings.vendor.exclusions"), vendors, [&t](const VendorProfile& v) {
    return v.warranty.exclusions.empty() ? std::string(t("settings.vendor.no_exclusions"))
                                         : joined(words(t, "damage.", v.warranty.exclusions), ";\n");
  });
  row(t("settings.vendor.fee"), vendors, [&t](const VendorProfile& v) {
    return v.warranty.diagnosisFeeNok == 0
               ? std::string(t("settings.vendor.no_fee"))
               : t.format("settings.vendor.fee_value", {{"nok", std::to_string(v.warranty.diagnosisFeeNok)}});
  });
  row(t("settings.vendor.returns"), vendors, [&t](const VendorProfile& v) { return returnTerms(v, t); });
  ImGui::EndTable();
}

}  // namespace kiosk
