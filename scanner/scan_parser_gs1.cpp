// Structured barcode contents: GS1 element strings (a GTIN, dates, lot and serial behind
// application identifiers) and ISO/IEC 15434 envelopes (ANSI MH10.8.2 data identifiers such as
// S, 1P and Q, as Data Matrix labels on parts and boxes carry them). Only what the serial search
// needs is understood; anything else fails the parse, and the read falls back to other rules.
#include <algorithm>
#include <array>
#include <cstddef>

#include "scanner/scan_parser_internal.hpp"

namespace kiosk::scan {
namespace {

struct AiRule {
  std::string_view ai;
  std::size_t length;  // fixed length, or the maximum when `variable`
  bool variable;
  bool numeric;
};

// The AIs that appear on device, box and service labels (GS1 General Specifications, 3.2).
// Fixed-length AIs need no separator after them; variable ones end at GS or the end.
constexpr std::array<AiRule, 21> kAiRules = {{
    {"00", 18, false, true},  {"01", 14, false, true},  {"02", 14, false, true},
    {"10", 20, true, false},  {"11", 6, false, true},   {"12", 6, false, true},
    {"13", 6, false, true},   {"15", 6, false, true},   {"16", 6, false, true},
    {"17", 6, false, true},   {"20", 2, false, true},   {"21", 20, true, false},
    {"22", 20, true, false},  {"240", 30, true, false}, {"241", 30, true, false},
    {"250", 30, true, false}, {"251", 30, true, false}, {"30", 8, true, true},
    {"37", 8, true, true},    {"400", 30, true, false}, {"90", 30, true, false},
}};
constexpr AiRule kMeasureRule{"31", 6, false, true};    // 310n-369n: weights and measures
constexpr AiRule kInternalRule{"9x", 90, true, false};  // 91-99: company internal

bool isAiCharacter(char c) { return c > ' ' && c < 0x7F; }  // GS1 character set 82 and a bit

// The rule for the AI at the start of `text` and the AI's length, or nullptr.
const AiRule* findRule(std::string_view text, std::size_t& aiLength) {
  if (text.size() < 2 || !isDigit(text[0]) || !isDigit(text[1])) return nullptr;
  for (const AiRule& rule : kAiRules) {
    if (rule.ai.size() == 3 && text.substr(0, 3) == rule.ai) {
      aiLength = 3;
      return &rule;
    }
  }
  if (text[0] == '3' && text[1] >= '1' && text[1] <= '6') {
    if (text.size() < 4 || !isDigit(text[2]) || !isDigit(text[3])) return nullptr;
    aiLength = 4;
    return &kMeasureRule;
  }
  if (text[0] == '9' && text[1] >= '1') {
    aiLength = 2;
    return &kInternalRule;
  }
  for (const AiRule& rule : kAiRules) {
    if (rule.ai.size() == 2 && text.substr(0, 2) == rule.ai) {
      aiLength = 2;
      return &rule;
    }
  }
  return nullptr;
}

bool valueFits(const AiRule& rule, std::string_view value) {
  if (value.empty()) return false;
  if (rule.variable ? value.size() > rule.length : value.size() != rule.length) return false;
  for (const char c : value) {
    if (rule.numeric ? !isDigit(c) : !isAiCharacter(c)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::vector<Gs1Field>> parseGs1Raw(std::string_view text) {
  std::vector<Gs1Field> fields;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == kGs) {  // FNC1 after a field, or doubled: harmless
      ++pos;
      continue;
    }
    std::size_t aiLength = 0;
    const AiRule* rule = findRule(text.substr(pos), aiLength);
    if (rule == nullptr) return std::nullopt;
    const std::string ai(text.substr(pos, aiLength));
    pos += aiLength;
    std::size_t end = 0;
    if (rule->variable) {
      end = text.find(kGs, pos);
      if (end == std::string_view::npos) end = text.size();
    } else {
      end = pos + rule->length;
      if (end > text.size()) return std::nullopt;
    }
    const std::string_view value = text.substr(pos, end - pos);
    if (!valueFits(*rule, value)) return std::nullopt;
    fields.push_back({ai, std::string(value)});
    pos = end;
  }
  if (fields.empty()) return std::nullopt;
  return fields;
}

std::optional<std::vector<Gs1Field>> parseGs1Bracketed(std::string_view text) {
  std::vector<Gs1Field> fields;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == ' ') {
      ++pos;
      continue;
    }
    if (text[pos] != '(') return std::nullopt;
    const auto close = text.find(')', pos);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view ai = text.substr(pos + 1, close - pos - 1);
    std::size_t aiLength = 0;
    const AiRule* rule = findRule(ai, aiLength);
    if (rule == nullptr || aiLength != ai.size()) return std::nullopt;
    auto next = text.find('(', close + 1);
    if (next == std::string_view::npos) next = text.size();
    const std::string_view value = trimBlanks(text.substr(close + 1, next - close - 1));
    if (!valueFits(*rule, value)) return std::nullopt;
    fields.push_back({std::string(ai), std::string(value)});
    pos = next;
  }
  if (fields.empty()) return std::nullopt;
  return fields;
}

std::optional<std::vector<EnvelopeField>> parseIso15434(std::string_view text) {
  constexpr std::string_view kHeader = "[)>\x1E";
  if (text.substr(0, kHeader.size()) != kHeader) return std::nullopt;
  std::vector<EnvelopeField> fields;
  std::string_view rest = text.substr(kHeader.size());
  while (!rest.empty()) {
    const auto end = rest.find(kRs);
    const std::string_view segment = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    if (segment.empty() || segment == std::string_view(&kEot, 1)) break;
    // A segment: a 2-digit format, GS, then its fields separated by GS.
    if (segment.size() < 3 || !isDigit(segment[0]) || !isDigit(segment[1]) || segment[2] != kGs) {
      return std::nullopt;
    }
    const std::string format(segment.substr(0, 2));
    const std::string_view body = segment.substr(3);
    if (format == "05") {
      const auto gs1 = parseGs1Raw(body);
      if (!gs1) return std::nullopt;
      for (const auto& field : *gs1) fields.push_back({format, field.ai, field.value});
      continue;
    }
    if (format != "06") continue;  // transport and EDI formats hold no device serial
    std::size_t start = 0;
    while (start <= body.size()) {
      const auto stop = std::min(body.find(kGs, start), body.size());
      const std::string_view field = body.substr(start, stop - start);
      start = stop + 1;
      // A data identifier: up to three digits and one upper-case letter (S, 1P, 25S, ...).
      std::size_t digits = 0;
      while (digits < field.size() && digits < 3 && isDigit(field[digits])) ++digits;
      if (digits >= field.size() || !isUpper(field[digits])) continue;
      fields.push_back({format, std::string(field.substr(0, digits + 1)),
                        std::string(field.substr(digits + 1))});
    }
  }
  return fields;
}

}  // namespace kiosk::scan
