// Keyboard-wedge detection with synthetic timings: every key carries an exact time point, so
// the tests say precisely how fast a scanner or a person is.
#include "scanner/wedge_detector.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kiosk {
namespace {

using std::chrono::milliseconds;

// Drives a detector the way the UI does: keys at given times, take() between them.
class Keyboard {
 public:
  explicit Keyboard(WedgeSettings settings = {}) : m_detector(settings) {}

  // Types `text` starting `after` the previous key, one key every `gaps[i % gaps.size()]`.
  void type(const std::string& text, milliseconds after, const std::vector<int>& gaps) {
    m_now += after;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i > 0) m_now += milliseconds(gaps[(i - 1) % gaps.size()]);
      feed({WedgeKeyKind::Character, static_cast<char32_t>(text[i]), 0, m_now});
    }
  }
  void press(WedgeKeyKind kind, milliseconds after) {
    m_now += after;
    feed({kind, 0, 0, m_now});
  }
  void feed(const WedgeKey& key) {
    m_detector.feed(key);
    collect(m_detector.take(key.at));
  }
  // Lets time pass with no key, taking what the detector decides (the UI's idle frames).
  void wait(milliseconds duration) {
    for (int step = 0; step < duration.count(); ++step) {
      m_now += milliseconds(1);
      collect(m_detector.take(m_now));
    }
  }

  [[nodiscard]] std::string typedText() const {
    std::string out;
    for (const WedgeKey& key : m_typed) {
      switch (key.kind) {
        case WedgeKeyKind::Character: out += static_cast<char>(key.character); break;
        case WedgeKeyKind::Enter: out += "<Enter>"; break;
        case WedgeKeyKind::Backspace: out += "<BS>"; break;
        case WedgeKeyKind::Tab: out += "<Tab>"; break;
        case WedgeKeyKind::Other: out += "<Key" + std::to_string(key.code) + ">"; break;
      }
    }
    return out;
  }
  [[nodiscard]] std::vector<std::string> scans() const {
    std::vector<std::string> out;
    for (const WedgeScan& scan : m_scans) out.push_back(scan.text);
    return out;
  }
  [[nodiscard]] const std::vector<WedgeKey>& typed() const { return m_typed; }
  [[nodiscard]] WedgeDetector& detector() { return m_detector; }
  [[nodiscard]] WedgeClock::time_point now() const { return m_now; }

 private:
  void collect(WedgeOutput output) {
    for (auto& scan : output.scans) m_scans.push_back(std::move(scan));
    for (const auto& key : output.typed) m_typed.push_back(key);
  }

  WedgeDetector m_detector;
  WedgeClock::time_point m_now{};
  std::vector<WedgeScan> m_scans;
  std::vector<WedgeKey> m_typed;
};

const std::vector<int> kScanner = {4, 5, 3, 6};                   // a USB scanner, ms per key
const std::vector<int> kPerson = {180, 240, 150, 310, 200, 170};  // someone typing
// A fast typist: 100 WPM with rollover, some key pairs 25 ms apart, median well above 30 ms.
const std::vector<int> kFastTypist = {95, 25, 110, 70, 28, 130, 85, 60};

TEST(WedgeDetector, AFastBurstEndingInEnterIsAScan) {
  Keyboard keyboard;
  keyboard.type("C02XK0JHJG5H", milliseconds(500), kScanner);
  keyboard.press(WedgeKeyKind::Enter, milliseconds(6));
  EXPECT_EQ(keyboard.scans(), std::vector<std::string>{"C02XK0JHJG5H"});
  EXPECT_EQ(keyboard.typedText(), "");
  EXPECT_EQ(keyboard.detector().heldCount(), 0U);
}

TEST(WedgeDetector, AScannersKeysAreNeverReleasedToTheWidget) {
  Keyboard keyboard;
  keyboard.type("1S20XW003JMXPF2ABCDE", milliseconds(0), kScanner);
  EXPECT_EQ(keyboard.typedText(), "");  // held while it may still be a scan
  keyboard.press(WedgeKeyKind::Enter, milliseconds(10));
  EXPECT_EQ(keyboard.scans(), std::vector<std::string>{"1S20XW003JMXPF2ABCDE"});
  EXPECT_EQ(keyboard.typedText(), "");
}

TEST(WedgeDetector, HumanTypingIsReleasedInOrderAndPromptly) {
  Keyboard keyboard;
  keyboard.type("hello world", milliseconds(0), kPerson);
  keyboard.wait(milliseconds(31));
  EXPECT_EQ(keyboard.typedText(), "hello world");
  keyboard.press(WedgeKeyKind::Enter, milliseconds(200));
  EXPECT_EQ(keyboard.typedText(), "hello world<Enter>");
  EXPECT_TRUE(keyboard.scans().empty());
}

TEST(WedgeDetector, APersonsKeyReachesTheWidgetAfterAboutOneMedianGap) {
  Keyboard keyboard;
  keyboard.type("a", milliseconds(0), kPerson);
  keyboard.wait(milliseconds(30));
  EXPECT_EQ(keyboard.typedText(), "");  // could still be a scan's first key
  keyboard.wait(milliseconds(1));
  EXPECT_EQ(keyboard.typedText(), "a");
}

TEST(WedgeDetector, AScanInTheMiddleOfTypingGoesToTheHandlerAndTypingStaysInOrder) {
  Keyboard keyboard;
  keyboard.type("Ola ", milliseconds(0), kPerson);
  keyboard.type("SC02XK0JHJG5H", milliseconds(900), kScanner);
  keyboard.press(WedgeKeyKind::Enter, milliseconds(5));
  keyboard.type("Nordmann", milliseconds(700), kPerson);
  keyboard.wait(milliseconds(200));
  EXPECT_EQ(keyboard.scans(), std::vector<std::string>{"SC02XK0JHJG5H"});
  EXPECT_EQ(keyboard.typedText(), "Ola Nordmann");
}

TEST(WedgeDetector, AScanRightAfterAKeystrokeDoesNotTakeThatKeyAlong) {
  Keyboard keyboard;
  keyboard.type("x", milliseconds(0), kPerson);
  keyboard.type("PF2ABCDE", milliseconds(45), kScanner);  // 45 ms: no pause to speak of
  keyboard.press(WedgeKeyKind::Enter, milliseconds(4));
  EXPECT_EQ(keyboard.scans(), std::vector<std::string>{"PF2ABCDE"});
  EXPECT_EQ(keyboard.typedText(), "x");
}

TEST(WedgeDetector, AFastTypistIsTyping) {
  Keyboard keyboard;
  keyboard.type("the quick brown fox", milliseconds(0), kFastTypist);
  keyboard.press(WedgeKeyKind::Enter, milliseconds(40));
  keyboard.wait(milliseconds(200));
  EXPECT_TRUE(keyboard.scans().empty());
  EXPECT_EQ(keyboard.typedText(), "the quick brown fox<Enter>");
}

TEST(WedgeDetector, AFastTypistSeesKeysWithoutWaitingForAPause) {
  Keyboard keyboard;
  keyboard.type("the quick", milliseconds(0), kFastTypist);
  // No pause yet: everything but the last key or two is already with the widget.
  EXPECT_GE(keyboard.typedText().size(), 7U);
  EXPECT_EQ(keyboard.typedText(), std::string("the quick").substr(0, keyboard.typedText().size()));
}

TEST(WedgeDetector, ATypistWithoutPausesIsReleasedOnceTheMedianIsSlow) {
  // Every gap is under the burst timeout, so only the median tells: after four keys whose
  // median gap is over 30 ms, all but the last are released.
  Keyboard keyboard;
  keyboard.type("abcdefghij", milliseconds(0), {25, 60, 28, 75, 40, 90, 25, 60, 28});
  EXPECT_GE(keyboard.typedText().size(), 6U);
  EXPECT_EQ(keyboard.typedText(), std::string("abcdefghij").substr(0, keyboard.typedText().size()));
  keyboard.wait(milliseconds(101));
  EXPECT_EQ(keyboard.typedText(), "abcdefghij");
  EXPECT_TRUE(keyboard.scans().empty());
}

TEST(WedgeDetector, BackspaceInsideABurstMakesItTyping) {
  Keyboard keyboard;
  keyboard.type("C02XK", milliseconds(0), kScanner);
  keyboard.press(WedgeKeyKind::Backspace, milliseconds(5));
  keyboard.type("0JH", milliseconds(5), kScanner);
  keyboard.press(WedgeKeyKind::Enter, milliseconds(5));
  EXPECT_TRUE(keyboard.scans().empty());
  EXPECT_EQ(keyboard.typedText(), "C02XK<BS>0JH<Enter>");
}

TEST(WedgeDetector, OtherKeysPassThroughImmediatelyAndKeepTheirCode) {
  Keyboard keyboard;
  keyboard.press(WedgeKeyKind::Tab, milliseconds(0));
  keyboard.press(WedgeKeyKind::Other, milliseconds(100));
  keyboard.feed({WedgeKeyKind::Other, 0, 262, keyboard.now() + milliseconds(100)});
  EXPECT_EQ(keyboard.typedText(), "<Tab><Key0><Key262>");
}

TEST(WedgeDetector, AControlCharacterIsTypingNotPartOfAScan) {
  Keyboard keyboard;
  keyboard.type("ABCD", milliseconds(0), kScanner);
  keyboard.feed({WedgeKeyKind::Character, U'\x1B', 0, keyboard.now() + milliseconds(3)});
  EXPECT_EQ(keyboard.typed().size(), 5U);
  EXPECT_EQ(keyboard.typedText().substr(0, 4), "ABCD");
  EXPECT_EQ(keyboard.typed().back().character, U'\x1B');
}

TEST(WedgeDetector, EnterAloneGoesToTheWidgetAtOnce) {
  Keyboard keyboard;
  keyboard.press(WedgeKeyKind::Enter, milliseconds(0));
  EXPECT_EQ(keyboard.typedText(), "<Enter>");
  keyboard.press(WedgeKeyKind::Enter, milliseconds(3));
  EXPECT_EQ(keyboard.typedText(), "<Enter><Enter>");
  EXPECT_TRUE(keyboard.scans().empty());
}

TEST(WedgeDetector, MinimumLengthIsTheBoundary) {
  Keyboard four;
  four.type("ABCD", milliseconds(0), kScanner);
  four.press(WedgeKeyKind::Enter, milliseconds(5));
  EXPECT_EQ(four.scans(), std::vector<std::string>{"ABCD"});

  Keyboard three;
  three.type("ABC", milliseconds(0), kScanner);
  three.press(WedgeKeyKind::Enter, milliseconds(5));
  EXPECT_TRUE(three.scans().empty());
  EXPECT_EQ(three.typedText(), "ABC<Enter>");
}

TEST(WedgeDetector, MedianGapIsTheBoundary) {
  Keyboard at;
  at.type("ABCDEF", milliseconds(0), {30});
  at.press(WedgeKeyKind::Enter, milliseconds(10));
  EXPECT_EQ(at.scans(), std::vector<std::string>{"ABCDEF"});

  Keyboard over;
  over.type("ABCDEF", milliseconds(0), {31});
  over.press(WedgeKeyKind::Enter, milliseconds(10));
  EXPECT_TRUE(over.scans().empty());
  EXPECT_EQ(over.typedText(), "ABCDEF<Enter>");
}

TEST(WedgeDetector, OneLateKeyInsideAScanDoesNotBreakIt) {
  // A busy frame or USB scheduling delays one key; the median stays small.
  Keyboard keyboard;
  keyboard.type("C02XK0JHJG5H", milliseconds(0), {4, 4, 4, 4, 85, 4, 4, 4, 4, 4, 4});
  keyboard.press(WedgeKeyKind::Enter, milliseconds(5));
  EXPECT_EQ(keyboard.scans(), std::vector<std::string>{"C02XK0JHJG5H"});
  EXPECT_EQ(keyboard.typedText(), "");
}

TEST(WedgeDetector, EnterAfterTheDelayIsTyping) {
  Keyboard inTime;
  inTime.type("ABCDEFGH", milliseconds(0), kScanner);
  inTime.press(WedgeKeyKind::Enter, milliseconds(50));
  EXPECT_EQ(inTime.scans(), std::vector<std::string>{"ABCDEFGH"});

  Keyboard late;
  late.type("ABCDEFGH", milliseconds(0), kScanner);
  late.press(WedgeKeyKind::Enter, milliseconds(51));
  EXPECT_TRUE(late.scans().empty());
  EXPECT_EQ(late.typedText(), "ABCDEFGH<Enter>");
}

TEST(WedgeDetector, AFastBurstWithoutEnterTimesOutAsTyping) {
  Keyboard keyboard;
  keyboard.type("ABCDEFGH", milliseconds(0), kScanner);
  keyboard.wait(milliseconds(100));
  EXPECT_EQ(keyboard.typedText(), "");
  keyboard.wait(milliseconds(1));
  EXPECT_EQ(keyboard.typedText(), "ABCDEFGH");
  keyboard.press(WedgeKeyKind::Enter, milliseconds(5));
  EXPECT_TRUE(keyboard.scans().empty());
  EXPECT_EQ(keyboard.typedText(), "ABCDEFGH<Enter>");
}

TEST(WedgeDetector, TwoScansBackToBack) {
  Keyboard keyboard;
  keyboard.type("352099001761481", milliseconds(0), kScanner);
  keyboard.press(WedgeKeyKind::Enter, milliseconds(5));
  keyboard.type("C02XK0JHJG5H", milliseconds(20), kScanner);
  keyboard.press(WedgeKeyKind::Enter, milliseconds(5));
  EXPECT_EQ(keyboard.scans(), (std::vector<std::string>{"352099001761481", "C02XK0JHJG5H"}));
  EXPECT_EQ(keyboard.typedText(), "");
}

TEST(WedgeDetector, ThresholdsAreConfigurable) {
  WedgeSettings strict;
  strict.minScanLength = 8;
  strict.maxMedianGap = milliseconds(10);
  Keyboard shortScan(strict);
  shortScan.type("ABCDEF", milliseconds(0), kScanner);
  shortScan.press(WedgeKeyKind::Enter, milliseconds(5));
  EXPECT_TRUE(shortScan.scans().empty());

  WedgeSettings slowScanner;
  slowScanner.maxMedianGap = milliseconds(60);
  slowScanner.burstTimeout = milliseconds(200);
  Keyboard slow(slowScanner);
  slow.type("PF2ABCDE", milliseconds(0), {45, 50, 40});
  slow.press(WedgeKeyKind::Enter, milliseconds(30));
  EXPECT_EQ(slow.scans(), std::vector<std::string>{"PF2ABCDE"});
}

TEST(WedgeDetector, NextDecisionSaysWhenToWakeUp) {
  WedgeDetector detector;
  EXPECT_FALSE(detector.nextDecision());
  const WedgeClock::time_point start{};
  detector.feed({WedgeKeyKind::Character, U'A', 0, start});
  ASSERT_TRUE(detector.nextDecision());
  EXPECT_TRUE(detector.take(*detector.nextDecision() - WedgeClock::duration(1)).empty());
  detector.feed({WedgeKeyKind::Character, U'B', 0, start + milliseconds(5)});
  const auto wake = detector.nextDecision();
  ASSERT_TRUE(wake);
  EXPECT_EQ(*wake, start + milliseconds(105) + WedgeClock::duration(1));
  EXPECT_TRUE(detector.take(*wake - WedgeClock::duration(1)).empty());
  EXPECT_EQ(detector.take(*wake).typed.size(), 2U);
  EXPECT_FALSE(detector.nextDecision());
}

TEST(WedgeDetector, FlushReleasesEverythingHeld) {
  WedgeDetector detector;
  const WedgeClock::time_point start{};
  detector.feed({WedgeKeyKind::Character, U'A', 0, start});
  detector.feed({WedgeKeyKind::Character, U'B', 0, start + milliseconds(3)});
  const WedgeOutput out = detector.flush();
  ASSERT_EQ(out.typed.size(), 2U);
  EXPECT_EQ(out.typed[0].character, U'A');
  EXPECT_EQ(detector.heldCount(), 0U);
}

TEST(WedgeDetector, TimeGoingBackwardsCountsAsNoTime) {
  WedgeDetector detector;
  const WedgeClock::time_point start = WedgeClock::time_point{} + milliseconds(1000);
  const char* code = "ABCDE";
  for (int i = 0; i < 5; ++i) {
    detector.feed({WedgeKeyKind::Character, static_cast<char32_t>(code[i]), 0,
                   start - milliseconds(i * 7)});  // stamps running backwards
  }
  detector.feed({WedgeKeyKind::Enter, 0, 0, start});
  const WedgeOutput out = detector.take(start);
  ASSERT_EQ(out.scans.size(), 1U);
  EXPECT_EQ(out.scans[0].text, "ABCDE");
}

TEST(WedgeDetector, NonAsciiCharactersAreEncodedAsUtf8) {
  WedgeDetector detector;
  const WedgeClock::time_point start{};
  const std::u32string code = U"\u00D8L-\u20AC5";
  for (std::size_t i = 0; i < code.size(); ++i) {
    detector.feed({WedgeKeyKind::Character, code[i], 0, start + milliseconds(3 * i)});
  }
  detector.feed({WedgeKeyKind::Enter, 0, 0, start + milliseconds(20)});
  const WedgeOutput out = detector.take(start + milliseconds(20));
  ASSERT_EQ(out.scans.size(), 1U);
  EXPECT_EQ(out.scans[0].text, "\xC3\x98L-\xE2\x82\xAC" "5");
}

TEST(WedgeDetector, AnEndlessFastBurstIsBounded) {
  WedgeSettings settings;
  settings.maxBurstLength = 64;
  WedgeDetector detector(settings);
  WedgeClock::time_point at{};
  std::size_t typed = 0;
  for (int i = 0; i < 1000; ++i) {
    at += milliseconds(2);
    detector.feed({WedgeKeyKind::Character, U'a', 0, at});
    typed += detector.take(at).typed.size();
    EXPECT_LE(detector.heldCount(), 64U);
  }
  typed += detector.flush().typed.size();
  EXPECT_EQ(typed, 1000U);
}

}  // namespace
}  // namespace kiosk
