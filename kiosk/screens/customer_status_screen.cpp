#include "kiosk/screens/customer_status_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/widgets.hpp"
#include "workflow/case_number.hpp"

namespace kiosk {
namespace {

// The case number's own symbols (workflow/case_number.hpp): a keypad of exactly what can occur.
constexpr std::string_view kKeypadSymbols = kCaseNumberAlphabet;
constexpr int kKeypadColumns = 8;

// Big enough for a finger: about 15 mm on a 22" counter screen.
ImVec2 keySize() { return {ImGui::GetFontSize() * 3.0f, ImGui::GetFontSize() * 2.4f}; }

// "KD4F2AX7" reads better to a customer as the receipt prints it: "KD4F-2AX7".
std::string withHyphen(const std::string& typed) {
  if (typed.size() <= 4 || typed.find('-') != std::string::npos) return typed;
  return typed.substr(0, 4) + "-" + typed.substr(4);
}

// Greedy word wrap in the current font, so a long sentence stays centred line by line
// (ImGui's own wrapping only wraps left-aligned text).
std::vector<std::string> wrapWords(const std::string& text, float width) {
  std::vector<std::string> lines;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t space = std::min(text.find(' ', start), text.size());
    const std::string word = text.substr(start, space - start);
    const std::string candidate = current.empty() ? word : current + " " + word;
    if (!current.empty() && ImGui::CalcTextSize(candidate.c_str()).x > width) {
      lines.push_back(current);
      current = word;
    } else {
      current = candidate;
    }
    start = space + 1;
  }
  if (!current.empty()) lines.push_back(current);
  return lines;
}

}  // namespace

void CustomerStatusScreen::onShow(KioskContext& ctx) {
  (void)ctx;
  reset();
  noteInput();
}

void CustomerStatusScreen::onDataChanged(KioskContext& ctx) {
  // The case on screen moved on at the bench: show its new status without being asked.
  if (m_page == Page::Found && !m_shownNumber.empty() && !m_pending.active()) {
    m_pending = Pending(ctx.backend.load(m_shownNumber));
  }
}

bool CustomerStatusScreen::takeScan(KioskContext& ctx, const ScanReading& scan) {
  noteInput();
  if (scan.kind == ScanKind::CaseNumber) {
    startLookup(ctx, Lookup{scan.text});
  } else {
    // Anything else is not a receipt: the same neutral answer, and never the bench's queue.
    m_page = Page::Unknown;
    m_view.reset();
  }
  return true;
}

void CustomerStatusScreen::startLookup(KioskContext& ctx, const Lookup& lookup) {
  m_view.reset();
  const auto number = normalizeCaseNumber(lookup.number);
  if (!number) {
    m_page = Page::Unknown;
    return;
  }
  m_page = Page::Looking;
  m_shownNumber = *number;
  m_pending = Pending(ctx.backend.load(*number));
}

void CustomerStatusScreen::reset() {
  m_page = Page::Start;
  m_typed.clear();
  m_shownNumber.clear();
  m_view.reset();
  m_focusEntry = true;
}

void CustomerStatusScreen::noteInput() { m_lastInput = m_now(); }

void CustomerStatusScreen::trackIdle(KioskContext& ctx) {
  const ImGuiIO& io = ImGui::GetIO();
  bool touched = io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f ||
                 io.InputQueueCharacters.Size > 0;
  for (int button = 0; button < IM_ARRAYSIZE(io.MouseDown) && !touched; ++button) {
    touched = ImGui::IsMouseClicked(button);
  }
  for (int key = 0; key < IM_ARRAYSIZE(io.KeysDown) && !touched; ++key) {
    touched = ImGui::IsKeyPressed(key, false);
  }
  if (touched) noteInput();
  const bool atStart = m_page == Page::Start && m_typed.empty();
  if (atStart) return;
  const auto resetAt = m_lastInput + ctx.station.customerIdleReset;
  if (m_now() >= resetAt) {
    reset();
  } else {
    // Wake for the reset, and each second before it for the countdown the page shows.
    const auto untilReset = resetAt - m_now();
    ctx.wakeNoLaterThan(std::chrono::steady_clock::now() + std::min<std::chrono::steady_clock::duration>(
                                                              untilReset, std::chrono::seconds(1)));
  }
}

void CustomerStatusScreen::draw(KioskContext& ctx) {
  m_lines.clear();
  if (auto loaded = m_pending.take()) {
    if (*loaded) {
      m_view = customerStatusView(**loaded, ctx.backend.vendors(), ctx.t());
      m_page = Page::Found;
    } else if (loaded->error().kind == ErrorKind::Storage) {
      m_page = Page::Unavailable;
    } else if (m_page != Page::Found) {
      m_page = Page::Unknown;  // unknown and mistyped look the same: nothing to learn by guessing
    }
  }
  trackIdle(ctx);
  switch (m_page) {
    case Page::Start: drawStart(ctx); break;
    case Page::Looking:
      widgets::spinner(ImGui::GetFontSize());
      line(ctx.t()("customer.looking"), ctx.fonts.heading, true);
      break;
    case Page::Found: drawFound(ctx); break;
    case Page::Unknown: drawMessage(ctx, ctx.t()("customer.unknown")); break;
    case Page::Unavailable: drawMessage(ctx, ctx.t()("customer.unavailable")); break;
  }
}

void CustomerStatusScreen::line(const std::string& text, ImFont* font, bool centred, const ImVec4* colour) {
  m_lines.push_back(text);
  ImGui::PushFont(font);
  if (colour != nullptr) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
  if (centred) {
    for (const auto& part : wrapWords(text, ImGui::GetContentRegionAvail().x)) widgets::centredText(part.c_str());
  } else {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
  }
  if (colour != nullptr) ImGui::PopStyleColor();
  ImGui::PopFont();
}

void CustomerStatusScreen::drawStart(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::Spacing();
  line(t("customer.start.heading"), ctx.fonts.huge, true);
  line(t("customer.start.instructions"), ctx.fonts.heading, true, &theme::kMuted);
  ImGui::Spacing();

  // The number as typed, big; a keyboard types here too (Enter shows the status).
  ImGui::PushFont(ctx.fonts.huge);
  const float width = ImGui::GetFontSize() * 7.5f;
  ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - width) * 0.5f));
  ImGui::SetNextItemWidth(width);
  if (m_focusEntry) {
    ImGui::SetKeyboardFocusHere();
    m_focusEntry = false;
  }
  const bool entered = ImGui::InputTextWithHint("##number", ctx.t()("customer.number_hint"), &m_typed,
                                                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsUppercase);
  ImGui::PopFont();
  m_lines.push_back(m_typed);
  if (entered && !m_typed.empty()) startLookup(ctx, Lookup{m_typed});
  ImGui::Spacing();
  drawKeypad(ctx);
}

void CustomerStatusScreen::drawKeypad(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::PushFont(ctx.fonts.heading);
  const ImVec2 size = keySize();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float rowWidth = kKeypadColumns * size.x + (kKeypadColumns - 1) * spacing;
  const float left = std::max(0.0f, (ImGui::GetWindowWidth() - rowWidth) * 0.5f);
  for (std::size_t i = 0; i < kKeypadSymbols.size(); ++i) {
    if (i % kKeypadColumns == 0) {
      ImGui::SetCursorPosX(left);
    } else {
      ImGui::SameLine();
    }
    const char symbol[2] = {kKeypadSymbols[i], '\0'};
    // For touch; a keyboard types into the number field itself.
    if (ImGui::Button(symbol, size) && m_typed.size() < 9) m_typed = withHyphen(m_typed + symbol);
  }
  // Below the symbols: clear, rub out one, show (the widest: the one that matters).
  const ImVec2 twoKeys(size.x * 2 + spacing, size.y);
  ImGui::SetCursorPosX(left);
  if (ImGui::Button(t("customer.clear"), twoKeys)) m_typed.clear();
  ImGui::SameLine();
  if (ImGui::Button(t("customer.backspace"), twoKeys) && !m_typed.empty()) {
    m_typed.pop_back();
    if (!m_typed.empty() && m_typed.back() == '-') m_typed.pop_back();
  }
  ImGui::SameLine();
  if (ImGui::Button(t("customer.show"), ImVec2(rowWidth - 2 * (twoKeys.x + spacing), size.y)) && !m_typed.empty()) {
    startLookup(ctx, Lookup{m_typed});
  }
  ImGui::PopFont();
}

void CustomerStatusScreen::drawFound(KioskContext& ctx) {
  const UiText& t = ctx.t();
  const CustomerStatusView& v = *m_view;
  ImGui::Dummy(ImVec2(0, ImGui::GetContentRegionAvail().y * 0.08f));  // nearer the eye line
  line(t.format("customer.case_number", {{"number", v.number}}), ctx.fonts.heading, true, &theme::kMuted);
  line(v.device, ctx.fonts.heading, true, &theme::kMuted);
  ImGui::Spacing();
  line(v.status, ctx.fonts.huge, true);
  ImGui::Spacing();
  line(v.due, ctx.fonts.heading, true);
  ImGui::Spacing();
  line(v.next, ctx.fonts.heading, true, &theme::kMuted);
  drawBackButton(ctx);
}

void CustomerStatusScreen::drawMessage(KioskContext& ctx, const char* message) {
  ImGui::Dummy(ImVec2(0, ImGui::GetContentRegionAvail().y * 0.15f));
  line(message, ctx.fonts.heading, true);
  drawBackButton(ctx);
}

void CustomerStatusScreen::drawBackButton(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::PushFont(ctx.fonts.heading);
  const ImVec2 size(ImGui::GetFontSize() * 10.0f, ImGui::GetFontSize() * 2.2f);
  ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - size.x) * 0.5f));
  // Escape or Enter from a keyboard does the same as the button.
  if (ImGui::Button(t("customer.back"), size) || input::pressed(input::Key::Escape) ||
      (input::pressed(input::Key::Enter) && !ImGui::IsAnyItemActive())) {
    reset();
  }
  ImGui::PopFont();
  const auto left = std::chrono::duration_cast<std::chrono::seconds>(m_lastInput + ctx.station.customerIdleReset - m_now());
  line(t.format("customer.returns_in", {{"n", std::to_string(std::max<long long>(0, left.count()))}}),
       ctx.fonts.body, true, &theme::kMuted);
}

}  // namespace kiosk
