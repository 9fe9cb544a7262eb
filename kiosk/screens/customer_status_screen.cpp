#include "kiosk/screens/customer_status_screen.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "kiosk/ui/imgui_input.hpp"
#include "kiosk/ui/widgets.hpp"
#include "workflow/case_number.hpp"
#include "workflow/clock.hpp"
#include "workflow/customer_code.hpp"

namespace kiosk {
namespace {

// The case number's own symbols (workflow/case_number.hpp), which customer codes use too: a
// keypad of exactly what can occur.
constexpr std::string_view kKeypadSymbols = kCaseNumberAlphabet;
constexpr int kKeypadColumns = 8;
constexpr std::size_t kNumberLength = 9;  // with its hyphen

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
  // The case on screen moved on at the bench: show its new status without being asked. Its code
  // was right, so this is a plain read: nothing is counted, and nothing is written that would
  // announce a change again.
  if (m_page == Page::Found && !m_shownNumber.empty() && !m_refresh.active()) {
    m_refresh = Pending(ctx.backend.load(m_shownNumber));
  }
}

bool CustomerStatusScreen::takeScan(KioskContext& ctx, const ScanReading& scan) {
  noteInput();
  if (scan.kind != ScanKind::CaseNumber) {
    // Anything else is not a receipt: the same neutral answer, and never the bench's queue.
    m_page = Page::NoMatch;
    m_view.reset();
    return true;
  }
  if (!scan.customerCode.empty()) {
    startLookup(ctx, scan.text, scan.customerCode);
    return true;
  }
  // A receipt from before customer codes, or a number on its own: the code is still to type.
  reset();  // lets go of the entries too
  m_typedNumber = scan.text;
  focus(Field::Code);
  return true;
}

void CustomerStatusScreen::startLookup(KioskContext& ctx, const std::string& number, const std::string& code) {
  m_view.reset();
  m_shownNumber.clear();
  if (!parseCaseNumber(number)) {
    m_page = Page::Mistyped;  // a typing mistake says nothing about which cases exist
    return;
  }
  m_page = Page::Looking;
  m_lookup = Pending(ctx.backend.lookUpCustomer(number, code));
}

void CustomerStatusScreen::takeAnswer(KioskContext& ctx) {
  if (auto answered = m_lookup.take()) {
    if (!*answered) {
      const Error& error = answered->error();
      if (error.kind == ErrorKind::Storage) {
        m_page = Page::Unavailable;
      } else if (error.field == "case") {
        m_page = Page::Mistyped;
      } else if (error.field == "code") {
        m_page = Page::Start;  // not eight symbols: back to the code, whose hint says how many
        focus(Field::Code);
      } else {
        m_page = Page::NoMatch;
      }
      return;
    }
    const CustomerLookupAnswer& answer = **answered;
    switch (answer.verdict) {
      case LookupVerdict::Found:
        m_view = customerStatusView(*answer.status, ctx.backend.vendors(), ctx.t());
        m_shownNumber = answer.number;
        m_page = Page::Found;
        break;
      case LookupVerdict::NoMatch: m_page = Page::NoMatch; break;
      case LookupVerdict::Locked:
        m_lockMinutes = wholeMinutesLeft(answer.lockRemainingMs);
        m_page = Page::Locked;
        break;
    }
  }
  if (auto refreshed = m_refresh.take()) {
    // A failed reload keeps what is shown; the offline band says why.
    if (*refreshed && m_page == Page::Found) {
      m_view = customerStatusView(customerCaseStatus(**refreshed), ctx.backend.vendors(), ctx.t());
    }
  }
}

void CustomerStatusScreen::lookUpTyped(KioskContext& ctx) {
  if (m_typedNumber.empty()) {
    focus(Field::Number);
  } else if (m_typedCode.empty()) {
    focus(Field::Code);
  } else {
    startLookup(ctx, m_typedNumber, m_typedCode);
  }
}

void CustomerStatusScreen::focus(Field field) {
  m_active = field;
  m_focus = field;
}

void CustomerStatusScreen::releaseEntries() {
  // An entry being edited keeps its own copy of the text and writes it back every frame: let go
  // of it, so that what is set here (a scanned number, cleared fields) is what shows.
  if (ImGui::GetCurrentContext() != nullptr) ImGui::ClearActiveID();
}

void CustomerStatusScreen::reset() {
  releaseEntries();
  m_page = Page::Start;
  m_typedNumber.clear();
  m_typedCode.clear();
  m_shownNumber.clear();
  m_view.reset();
  focus(Field::Number);
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
  const bool atStart = m_page == Page::Start && m_typedNumber.empty() && m_typedCode.empty();
  if (atStart) return;
  const auto resetAt = m_lastInput + ctx.station.customerIdleReset;
  if (m_now() >= resetAt) {
    reset();  // the code goes too: the next customer must not find it typed in
  } else {
    // Wake for the reset, and each second before it for the countdown the page shows.
    const auto untilReset = resetAt - m_now();
    ctx.wakeNoLaterThan(std::chrono::steady_clock::now() + std::min<std::chrono::steady_clock::duration>(
                                                              untilReset, std::chrono::seconds(1)));
  }
}

void CustomerStatusScreen::draw(KioskContext& ctx) {
  m_lines.clear();
  takeAnswer(ctx);
  trackIdle(ctx);
  const UiText& t = ctx.t();
  switch (m_page) {
    case Page::Start: drawStart(ctx); break;
    case Page::Looking:
      widgets::spinner(ImGui::GetFontSize());
      line(t("customer.looking"), ctx.fonts.heading, true);
      break;
    case Page::Found: drawFound(ctx); break;
    // Wrong code and unknown number alike: nothing to learn by guessing.
    case Page::NoMatch: drawMessage(ctx, t("customer.no_match")); break;
    case Page::Mistyped: drawMessage(ctx, t("customer.mistyped")); break;
    case Page::Locked:
      drawMessage(ctx, t.format("customer.locked", {{"minutes", std::to_string(m_lockMinutes)}}));
      break;
    case Page::Unavailable: drawMessage(ctx, t("customer.unavailable")); break;
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
  // A keyboard types here too: Enter in the number goes on to the code, Enter in the code shows
  // the status.
  if (drawEntry(ctx, Field::Number, t("customer.number_label"), t("customer.number_hint"), m_typedNumber)) {
    if (!m_typedNumber.empty()) focus(Field::Code);
  }
  if (drawEntry(ctx, Field::Code, t("customer.code_label"), t("customer.code_hint"), m_typedCode)) {
    lookUpTyped(ctx);
  }
  ImGui::Spacing();
  drawKeypad(ctx);
}

bool CustomerStatusScreen::drawEntry(KioskContext& ctx, Field field, const char* label, const char* hint,
                                     std::string& text) {
  ImGui::PushFont(ctx.fonts.huge);
  const float width = ImGui::GetFontSize() * 7.5f;
  const float left = std::max(0.0f, (ImGui::GetWindowWidth() - width) * 0.5f);
  ImGui::PopFont();
  ImGui::SetCursorPosX(left);
  ImGui::PushFont(ctx.fonts.body);
  ImGui::TextColored(theme::kMuted, "%s", label);
  ImGui::PopFont();
  m_lines.emplace_back(label);

  ImGui::PushFont(ctx.fonts.huge);
  ImGui::SetCursorPosX(left);
  ImGui::SetNextItemWidth(width);
  if (m_focus == field) {
    ImGui::SetKeyboardFocusHere();
    m_focus.reset();
  }
  // The entry the keypad types into stands out.
  const bool active = m_active == field;
  if (active) {
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 3.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, theme::kOnTrack);
  }
  const std::string id = field == Field::Number ? "##number" : "##code";
  const bool entered = ImGui::InputTextWithHint(id.c_str(), hint, &text,
                                                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsUppercase);
  if (active) {
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
  }
  if (ImGui::IsItemActivated()) m_active = field;
  ImGui::PopFont();
  m_lines.push_back(text);
  return entered;
}

void CustomerStatusScreen::drawKeypad(KioskContext& ctx) {
  const UiText& t = ctx.t();
  ImGui::PushFont(ctx.fonts.heading);
  const ImVec2 size = keySize();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float rowWidth = kKeypadColumns * size.x + (kKeypadColumns - 1) * spacing;
  const float left = std::max(0.0f, (ImGui::GetWindowWidth() - rowWidth) * 0.5f);
  std::string& typed = m_active == Field::Number ? m_typedNumber : m_typedCode;
  for (std::size_t i = 0; i < kKeypadSymbols.size(); ++i) {
    if (i % kKeypadColumns == 0) {
      ImGui::SetCursorPosX(left);
    } else {
      ImGui::SameLine();
    }
    const char symbol[2] = {kKeypadSymbols[i], '\0'};
    // For touch; a keyboard types into the entry itself.
    if (ImGui::Button(symbol, size)) {
      if (m_active == Field::Number && typed.size() < kNumberLength) {
        typed = withHyphen(typed + symbol);
        // The number complete: the code is next.
        if (typed.size() == kNumberLength) m_active = Field::Code;
      } else if (m_active == Field::Code && typed.size() < kCustomerCodeLength) {
        typed += symbol;
      }
    }
  }
  // Below the symbols: clear, rub out one, next entry or show (the widest: the one that matters).
  const ImVec2 twoKeys(size.x * 2 + spacing, size.y);
  ImGui::SetCursorPosX(left);
  if (ImGui::Button(t("customer.clear"), twoKeys)) typed.clear();
  ImGui::SameLine();
  if (ImGui::Button(t("customer.backspace"), twoKeys)) {
    if (typed.empty() && m_active == Field::Code) {
      m_active = Field::Number;  // rubbing out past the code's start goes back to the number
    } else if (!typed.empty()) {
      typed.pop_back();
      if (!typed.empty() && typed.back() == '-') typed.pop_back();
    }
  }
  ImGui::SameLine();
  const bool onNumber = m_active == Field::Number;
  const ImVec2 wide(rowWidth - 2 * (twoKeys.x + spacing), size.y);
  if (ImGui::Button(onNumber ? t("customer.next_field") : t("customer.show"), wide)) {
    if (onNumber && !m_typedNumber.empty()) {
      m_active = Field::Code;
    } else if (!onNumber) {
      lookUpTyped(ctx);
    }
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

void CustomerStatusScreen::drawMessage(KioskContext& ctx, const std::string& message) {
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
