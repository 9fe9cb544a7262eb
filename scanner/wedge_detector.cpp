#include "scanner/wedge_detector.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

// The decision, burst by burst. A burst is a run of characters with no pause longer than
// burstTimeout. Its keys are held back and become:
//   - a scan when Enter follows within maxEnterDelay of the last character, the burst has at
//     least minScanLength characters and the median gap between them is at most maxMedianGap;
//   - typing otherwise: when Enter comes late or the burst is short or slow (the Enter is then
//     typed too), when the burst times out, or when any other key (Backspace, Tab, arrows,
//     a control character) arrives, since scanners send none of those in the middle of a code.
// Two earlier releases keep typing responsive, at the price of a scan whose start is abnormally
// slow (see the tests):
//   - a burst's first key is released as soon as the pause after it exceeds maxMedianGap: a scan
//     does not start with a slow key, and this also separates a scan from the key typed just
//     before it;
//   - once a burst has minScanLength characters and the median gap so far exceeds
//     maxMedianGap, all but its last key are released (the last may still start a scan).
// A person therefore sees each key about maxMedianGap late; a scanner's keys are never shown.
namespace kiosk {
namespace {

bool isPrintable(char32_t c) {
  return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F) && c <= 0x10FFFF &&
         !(c >= 0xD800 && c <= 0xDFFF);
}

void appendUtf8(std::string& out, char32_t c) {
  const auto byte = [&](std::uint32_t value) { out += static_cast<char>(value); };
  const auto u = static_cast<std::uint32_t>(c);
  if (u < 0x80) {
    byte(u);
  } else if (u < 0x800) {
    byte(0xC0u | (u >> 6));
    byte(0x80u | (u & 0x3Fu));
  } else if (u < 0x10000) {
    byte(0xE0u | (u >> 12));
    byte(0x80u | ((u >> 6) & 0x3Fu));
    byte(0x80u | (u & 0x3Fu));
  } else {
    byte(0xF0u | (u >> 18));
    byte(0x80u | ((u >> 12) & 0x3Fu));
    byte(0x80u | ((u >> 6) & 0x3Fu));
    byte(0x80u | (u & 0x3Fu));
  }
}

}  // namespace

WedgeDetector::WedgeDetector(WedgeSettings settings) : m_settings(settings) {
  m_settings.minScanLength = std::max<std::size_t>(m_settings.minScanLength, 2);
  m_settings.burstTimeout = std::max(m_settings.burstTimeout, m_settings.maxEnterDelay);
  m_settings.maxBurstLength = std::max(m_settings.maxBurstLength, m_settings.minScanLength);
}

void WedgeDetector::feed(const WedgeKey& input) {
  WedgeKey key = input;
  if (m_lastAt && key.at < *m_lastAt) key.at = *m_lastAt;
  m_lastAt = key.at;
  expire(key.at);

  if (key.kind == WedgeKeyKind::Character && isPrintable(key.character)) {
    m_held.push_back(key);
    if (m_held.size() > m_settings.maxBurstLength) {
      releaseHeld(m_held.size());
      return;
    }
    releaseEarlyTyping();
    return;
  }
  if (key.kind == WedgeKeyKind::Enter && isScan(key.at)) {
    WedgeScan scan;
    scan.first = m_held.front().at;
    scan.last = m_held.back().at;
    for (const WedgeKey& held : m_held) appendUtf8(scan.text, held.character);
    m_decided.scans.push_back(std::move(scan));
    m_held.clear();  // the scanner's Enter ends the scan; no widget sees it
    return;
  }
  releaseHeld(m_held.size());
  m_decided.typed.push_back(key);
}

WedgeOutput WedgeDetector::take(WedgeClock::time_point now) {
  expire(now);
  return std::exchange(m_decided, WedgeOutput{});
}

WedgeOutput WedgeDetector::flush() {
  releaseHeld(m_held.size());
  return std::exchange(m_decided, WedgeOutput{});
}

std::optional<WedgeClock::time_point> WedgeDetector::nextDecision() const {
  if (m_held.empty()) return std::nullopt;
  const auto limit = m_held.size() == 1 ? WedgeClock::duration(m_settings.maxMedianGap)
                                        : WedgeClock::duration(m_settings.burstTimeout);
  return m_held.back().at + limit + WedgeClock::duration(1);
}

void WedgeDetector::expire(WedgeClock::time_point now) {
  if (m_held.empty()) return;
  const auto sinceLast = now - m_held.back().at;
  if (sinceLast > m_settings.burstTimeout) {
    releaseHeld(m_held.size());  // timed out without Enter
  } else if (m_held.size() == 1 && sinceLast > m_settings.maxMedianGap) {
    releaseHeld(1);  // a lone key followed by a slow pause does not start a scan
  }
}

void WedgeDetector::releaseHeld(std::size_t count) {
  const auto end = m_held.begin() + static_cast<std::ptrdiff_t>(count);
  std::move(m_held.begin(), end, std::back_inserter(m_decided.typed));
  m_held.erase(m_held.begin(), end);
}

void WedgeDetector::releaseEarlyTyping() {
  if (m_held.size() >= m_settings.minScanLength && medianGap() > m_settings.maxMedianGap) {
    releaseHeld(m_held.size() - 1);
  }
}

bool WedgeDetector::isScan(WedgeClock::time_point enterAt) const {
  return m_held.size() >= m_settings.minScanLength &&
         enterAt - m_held.back().at <= m_settings.maxEnterDelay &&
         medianGap() <= m_settings.maxMedianGap;
}

WedgeClock::duration WedgeDetector::medianGap() const {
  std::vector<WedgeClock::duration> gaps;
  gaps.reserve(m_held.size());
  for (std::size_t i = 1; i < m_held.size(); ++i) gaps.push_back(m_held[i].at - m_held[i - 1].at);
  if (gaps.empty()) return WedgeClock::duration::zero();
  const auto middle = gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2);
  std::nth_element(gaps.begin(), middle, gaps.end());
  if (gaps.size() % 2 == 1) return *middle;
  // An even count: the mean of the two middle gaps (the lower one is the largest below).
  const auto lower = *std::max_element(gaps.begin(), middle);
  return lower + (*middle - lower) / 2;
}

}  // namespace kiosk
