#include "kiosk/screens/queue_screen.hpp"

#include <cstring>

#include <imgui.h>

#include "kiosk/screens/case_rows.hpp"
#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/widgets.hpp"
#include "workflow/field_rules.hpp"

namespace kiosk {
namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;

template <std::size_t N>
void copyInto(std::array<char, N>& buffer, const std::string& text) {
  const std::size_t n = std::min(text.size(), N - 1);
  std::memcpy(buffer.data(), text.data(), n);
  buffer[n] = '\0';
}

}  // namespace

void QueueScreen::onShow(KioskContext& ctx) {
  if (auto search = ctx.nav.takeSearch()) {
    copyInto(m_search, *search);
    startSearch(ctx);
  }
  if (!m_shown) {
    m_shown = true;
    m_cache.reset(ctx.backend, m_wanted);
  } else {
    m_cache.refresh(ctx.backend);
  }
  m_focusSearch = true;
}

void QueueScreen::onDataChanged(KioskContext& ctx) {
  m_cache.refresh(ctx.backend);
  if (m_searching) startSearch(ctx);
}

bool QueueScreen::waiting() const { return m_cache.loading() || m_pendingFind.active(); }

std::optional<std::size_t> QueueScreen::rowCount() const {
  if (m_searching) return m_found.size();
  return m_cache.count();
}

void QueueScreen::startSearch(KioskContext& ctx) {
  m_searchedFor = m_search.data();
  if (m_searchedFor.empty()) {
    m_searching = false;
    m_found.clear();
    return;
  }
  m_searching = true;
  m_findError.reset();
  m_pendingFind = Pending(ctx.backend.find(m_searchedFor));
}

void QueueScreen::applyFilter(KioskContext& ctx) {
  m_wanted.technician = m_technician[0] == '\0' ? std::nullopt : std::optional<std::string>(m_technician.data());
  if (!(m_wanted == m_cache.filter())) m_cache.reset(ctx.backend, m_wanted);
}

void QueueScreen::draw(KioskContext& ctx) {
  m_cache.poll();
  if (auto found = m_pendingFind.take()) {
    if (*found) {
      m_found = std::move(**found);
      // A scanned or typed case number or serial with one case: straight to it. A name or a
      // mobile shows the list, even with one hit, so the right person is picked.
      if (m_found.size() == 1 && (upperAlnum(m_searchedFor) == upperAlnum(m_found.front().number) ||
                                  upperAlnum(m_searchedFor) == m_found.front().device.serial)) {
        ctx.nav.openCase(m_found.front().number);
      }
    } else {
      m_findError = found->error();
      m_found.clear();
    }
  }
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::TextUnformatted(ctx.t()("queue.title"));
  ImGui::PopFont();
  drawFilters(ctx);
  drawList(ctx);
}

void QueueScreen::drawFilters(KioskContext& ctx) {
  const UiText& t = ctx.t();
  if (m_focusSearch || (input::ctrlHeld() && input::pressed(input::Key::F))) {
    ImGui::SetKeyboardFocusHere();
    m_focusSearch = false;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
  if (ImGui::InputTextWithHint("##search", t("queue.search_hint"), m_search.data(), m_search.size(),
                               ImGuiInputTextFlags_EnterReturnsTrue)) {
    startSearch(ctx);
  }
  ImGui::SameLine();
  if (ImGui::Button(t("queue.search"))) startSearch(ctx);
  if (m_searching) {
    ImGui::SameLine();
    if (ImGui::Button(t("queue.clear_search"))) {
      m_search[0] = '\0';
      startSearch(ctx);
    }
  }

  // Status filter.
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  const char* statusPreview = m_wanted.status ? statusText(*m_wanted.status, t) : t("queue.any_status");
  if (ImGui::BeginCombo(t("queue.status"), statusPreview)) {
    if (ImGui::Selectable(t("queue.any_status"), !m_wanted.status)) m_wanted.status.reset();
    for (int s = 0; s <= static_cast<int>(CaseStatus::Dispatched); ++s) {
      const auto status = static_cast<CaseStatus>(s);
      if (ImGui::Selectable(statusText(status, t), m_wanted.status == status)) m_wanted.status = status;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  const VendorProfile* vendor = m_wanted.vendor ? ctx.backend.vendors().find(*m_wanted.vendor) : nullptr;
  if (ImGui::BeginCombo(t("queue.vendor"), vendor != nullptr ? vendor->name.c_str() : t("queue.any_vendor"))) {
    if (ImGui::Selectable(t("queue.any_vendor"), !m_wanted.vendor)) m_wanted.vendor.reset();
    for (const auto& v : ctx.backend.vendors().all()) {
      if (ImGui::Selectable(v.name.c_str(), m_wanted.vendor == v.id)) m_wanted.vendor = v.id;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  ImGui::InputTextWithHint(t("queue.technician"), t("queue.any_technician"), m_technician.data(), m_technician.size());
  applyFilter(ctx);
}

void QueueScreen::drawList(KioskContext& ctx) {
  const UiText& t = ctx.t();
  if (m_searching) {
    const std::string line = t.format("queue.search_count", {{"n", std::to_string(m_found.size())},
                                                               {"text", m_searchedFor}});
    ImGui::TextUnformatted(line.c_str());
    if (m_findError) widgets::errorLine(*m_findError, t);
  } else if (const auto count = m_cache.count()) {
    const std::string line = t.format("queue.count", {{"n", std::to_string(*count)}});
    ImGui::TextUnformatted(line.c_str());
  } else {
    widgets::spinner();
    ImGui::SameLine();
    ImGui::TextUnformatted(t("queue.loading"));
  }
  if (m_cache.error()) widgets::errorLine(*m_cache.error(), t);

  if (!ImGui::BeginTable("##queue", 8, kTableFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(t("queue.col.number"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
  ImGui::TableSetupColumn(t("queue.col.standing"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
  ImGui::TableSetupColumn(t("queue.col.due"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
  ImGui::TableSetupColumn(t("queue.col.status"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(t("queue.col.device"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(t("queue.col.serial"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn(t("queue.col.customer"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(t("queue.col.technician"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableHeadersRow();

  const std::size_t total = m_searching ? m_found.size() : m_cache.count().value_or(0);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(total));
  while (clipper.Step()) {
    const auto first = static_cast<std::size_t>(clipper.DisplayStart);
    const auto last = static_cast<std::size_t>(clipper.DisplayEnd);
    if (!m_searching) m_cache.want(ctx.backend, first, last);
    for (std::size_t i = first; i < last; ++i) {
      const RepairCase* row = m_searching ? &m_found[i] : m_cache.row(i);
      ImGui::TableNextRow();
      if (row == nullptr) {
        ImGui::TableNextColumn();
        ImGui::TextColored(theme::kMuted, "%s", "…");
        continue;
      }
      drawRow(ctx, *row, i);
    }
  }
  ImGui::EndTable();
}

void QueueScreen::drawRow(KioskContext& ctx, const RepairCase& repairCase, std::size_t index) {
  const UiText& t = ctx.t();
  ImGui::PushID(static_cast<int>(index));
  ImGui::TableNextColumn();
  // The whole row is one selectable: a click, or Enter when it has the keyboard focus, opens it.
  if (ImGui::Selectable(repairCase.number.c_str(), false,
                        ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
    ctx.nav.openCase(repairCase.number);
  }
  ImGui::TableNextColumn();
  const Standing standing = standingOf(repairCase, ctx.backend.now());
  widgets::urgencyBadge(theme::urgencyOf(standing), t);
  ImGui::TableNextColumn();
  if (repairCase.due) {
    ImGui::TextUnformatted(t.translations().shortDate(*repairCase.due).c_str());
  } else {
    ImGui::TextColored(theme::kMuted, "%s", t("queue.no_due"));
  }
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(statusText(repairCase.status, t));
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(deviceLine(repairCase, ctx.backend.vendors(), t).c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(repairCase.device.serial.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(shortCustomerName(repairCase.customer.name).c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(repairCase.technician.c_str());
  ImGui::PopID();
}

}  // namespace kiosk
