// The raw-port printer gateway against loopback fakes: the job arrives byte for byte, and a
// printer that refuses, never answers or stops reading is reported clearly within the timeout.
#include <gtest/gtest.h>

#include "fake_printer.hpp"
#include "gateways/raw_printer.hpp"

namespace kiosk::test {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

PrinterAddress local(int port) { return PrinterAddress{"127.0.0.1", port}; }

TEST(RawPrinterTest, ThePrinterReceivesExactlyTheBytes) {
  FakePrinter printer;
  const std::string zpl = "^XA\n^CI28\n^FO20,20^A0N,24,24^FH\\^FDÅse Ø.^FS\n^XZ\n";
  const auto sent = RawPrinter(local(printer.port())).send(zpl);
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_EQ(*sent, zpl.size());
  EXPECT_EQ(printer.received(), zpl);
}

TEST(RawPrinterTest, ALargeJobArrivesWhole) {
  FakePrinter printer;
  std::string job;
  for (int i = 0; job.size() < 3'000'000; ++i) job += "^FO0," + std::to_string(i) + "^FDline " + std::to_string(i) + "^FS\n";
  const auto sent = RawPrinter(local(printer.port()), {milliseconds(2000), milliseconds(20000)}).send(job);
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_EQ(printer.received(), job);
}

TEST(RawPrinterTest, APortWithNothingListeningIsRefusedAtOnce) {
  const int port = closedLoopbackPort();
  const auto start = Clock::now();
  const auto sent = RawPrinter(local(port), {milliseconds(2000), milliseconds(2000)}).send("^XA^XZ");
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().failure, PrinterFailure::Refused);
  EXPECT_NE(sent.error().message.find("127.0.0.1:" + std::to_string(port)), std::string::npos) << sent.error().message;
  EXPECT_NE(sent.error().message.find("refused"), std::string::npos) << sent.error().message;
  EXPECT_LT(Clock::now() - start, milliseconds(1500));
}

TEST(RawPrinterTest, APrinterThatNeverAnswersTimesOutWithinTheConnectTimeout) {
  FakePrinter blackHole(FakePrinter::Mode::NeverAccepts);
  const auto start = Clock::now();
  const auto sent = RawPrinter(local(blackHole.port()), {milliseconds(400), milliseconds(2000)}).send("^XA^XZ");
  const auto took = Clock::now() - start;
  ASSERT_FALSE(sent) << "the connect was answered: the accept queue was not full";
  EXPECT_EQ(sent.error().failure, PrinterFailure::Unreachable);
  EXPECT_NE(sent.error().message.find("did not answer within 0.4 s"), std::string::npos) << sent.error().message;
  EXPECT_GE(took, milliseconds(350));
  EXPECT_LT(took, milliseconds(1500));
}

TEST(RawPrinterTest, APrinterThatStopsReadingIsReportedWithinTheSendTimeout) {
  FakePrinter paused(FakePrinter::Mode::NeverReads);
  const std::string job(32 * 1024 * 1024, 'x');
  const auto start = Clock::now();
  const auto sent = RawPrinter(local(paused.port()), {milliseconds(1000), milliseconds(500)}).send(job);
  const auto took = Clock::now() - start;
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().failure, PrinterFailure::Stalled);
  EXPECT_NE(sent.error().message.find("took only"), std::string::npos) << sent.error().message;
  EXPECT_NE(sent.error().message.find("of 33554432 bytes within 0.5 s"), std::string::npos) << sent.error().message;
  EXPECT_LT(took, milliseconds(1500));
}

TEST(PrinterAddressTest, HostAndPortOrTheDefaultPort) {
  const auto a = parsePrinterAddress("127.0.0.1:9101");
  ASSERT_TRUE(a) << a.error();
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 9101);
  EXPECT_EQ(parsePrinterAddress("zebra-3.lab")->port, 9100);
  EXPECT_EQ(parsePrinterAddress("zebra", 6101)->port, 6101);
  const auto v6 = parsePrinterAddress("[::1]:9100");
  ASSERT_TRUE(v6) << v6.error();
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->text(), "[::1]:9100");
  EXPECT_EQ(parsePrinterAddress("[::1]")->port, 9100);
}

TEST(PrinterAddressTest, AnythingElseIsRefusedWithAReason) {
  for (const char* bad : {"", ":9100", "host:", "host:0", "host:65536", "host:91x", "::1", "[::1", "[::1]x",
                          "http://host:9100", "host name:9100", "host:-1"}) {
    const auto address = parsePrinterAddress(bad);
    EXPECT_FALSE(address) << "'" << bad << "' was accepted";
    if (!address) {
      EXPECT_FALSE(address.error().empty());
    }
  }
}

}  // namespace
}  // namespace kiosk::test
