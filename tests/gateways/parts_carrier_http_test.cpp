// The parts supplier and carrier gateways against a real loopback server that keeps the
// contracts of gateways/README.md (tests/gateways/parts_carrier_server.py): orders and bookings
// idempotent by reference, answers that fail, hang or are lost on purpose.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "gateways/carrier_http.hpp"
#include "gateways/http_json_client.hpp"
#include "gateways/loopback_server.hpp"
#include "gateways/parts_supplier_http.hpp"

namespace kiosk::test {
namespace {

constexpr const char* kToken = "s3cret-token-7f2a";

class PartsCarrierHttpTest : public ::testing::Test {
 protected:
  PartsCarrierHttpTest() : m_server(pythonServer("parts_carrier_server.py", {kToken})) {}

  [[nodiscard]] HttpGatewayConfig config(std::int64_t timeoutMs = 5000) const {
    return HttpGatewayConfig{m_server.url("http"), kToken, timeoutMs, ""};
  }
  // The server's test controls (no token).
  nlohmann::json control(const std::string& path, const nlohmann::json& body = nullptr) {
    const HttpJsonClient http(HttpGatewayConfig{m_server.url("http"), "", 5000, ""});
    const auto answer = body.is_null() ? http.get(path) : http.post(path, body.dump());
    EXPECT_TRUE(answer) << answer.error();
    return answer ? nlohmann::json::parse(answer->body) : nlohmann::json();
  }
  void next(const std::string& mode, int count = 1) { control("/_test/next", {{"mode", mode}, {"count", count}}); }
  int counted(const std::string& what) { return control("/_test/counts")[what].get<int>(); }

  static PartsOrderRequest request(const std::string& reference) {
    return {reference, "M6EM-XNNN", "apple", "MacBook Pro 14", "C02XK0JHJG5H", {"661-26310 Logic board"}};
  }
  static ShipmentRequest shipment(const std::string& reference) {
    return {reference, "M6EM-XNNN", "Kari Nordmann", "Storgata 1, 0155 Oslo", "+4791234567"};
  }

  LoopbackServer m_server;
};

TEST_F(PartsCarrierHttpTest, AnOrderGetsTheSuppliersIdAndTheSameReferenceTheSameOrder) {
  HttpPartsSupplier supplier(config());
  const auto first = supplier.order(request("M6EM-XNNN-5-parts"));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first->empty());
  const auto again = supplier.order(request("M6EM-XNNN-5-parts"));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*again, *first);
  const auto other = supplier.order(request("M6EM-XNNN-9-parts"));
  ASSERT_TRUE(other) << other.error().message;
  EXPECT_NE(*other, *first);
  EXPECT_EQ(counted("orders"), 2);
}

TEST_F(PartsCarrierHttpTest, StatusReadsTheSuppliersWordsAndDate) {
  HttpPartsSupplier supplier(config());
  const auto id = supplier.order(request("R-1-parts"));
  ASSERT_TRUE(id) << id.error().message;
  auto state = supplier.status(*id);
  ASSERT_TRUE(state) << state.error().message;
  EXPECT_EQ(state->status, PartsOrderStatus::Ordered);
  EXPECT_FALSE(state->eta);

  control("/_test/orders/" + *id, {{"status", "shipped"}, {"eta", "2026-11-27"}, {"detail", "on the truck"}});
  state = supplier.status(*id);
  ASSERT_TRUE(state) << state.error().message;
  EXPECT_EQ(state->status, PartsOrderStatus::Shipped);
  ASSERT_TRUE(state->eta);
  EXPECT_EQ(formatDate(*state->eta), "2026-11-27");
  EXPECT_EQ(state->detail, "on the truck");

  control("/_test/orders/" + *id, {{"status", "lost-in-the-mail"}});
  state = supplier.status(*id);
  ASSERT_FALSE(state);
  EXPECT_EQ(state.error().kind, ErrorKind::Gateway);
  EXPECT_NE(state.error().message.find("lost-in-the-mail"), std::string::npos) << state.error().message;
}

TEST_F(PartsCarrierHttpTest, AnOrderWhoseAnswerWasLostIsOrderedOnceWhenSentAgain) {
  HttpPartsSupplier supplier(config());
  next("drop");
  const auto lost = supplier.order(request("R-2-parts"));
  ASSERT_FALSE(lost) << "the supplier took it but the answer never came";
  EXPECT_EQ(lost.error().kind, ErrorKind::Gateway);
  const auto retried = supplier.order(request("R-2-parts"));
  ASSERT_TRUE(retried) << retried.error().message;
  EXPECT_EQ(counted("orders"), 1);
}

TEST_F(PartsCarrierHttpTest, ARefusalNamesTheStatusAndNeverTheToken) {
  HttpPartsSupplier supplier(config());
  next("fail");
  const auto refused = supplier.order(request("R-3-parts"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::Gateway);
  EXPECT_NE(refused.error().message.find("HTTP 503"), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find("/orders"), std::string::npos) << refused.error().message;
  EXPECT_EQ(refused.error().message.find(kToken), std::string::npos);

  HttpPartsSupplier wrongToken(HttpGatewayConfig{m_server.url("http"), "not-the-token", 5000, ""});
  const auto unauthorised = wrongToken.order(request("R-3-parts"));
  ASSERT_FALSE(unauthorised);
  EXPECT_NE(unauthorised.error().message.find("HTTP 401"), std::string::npos) << unauthorised.error().message;
  EXPECT_EQ(unauthorised.error().message.find("not-the-token"), std::string::npos);
  EXPECT_EQ(counted("orders"), 0);
}

TEST_F(PartsCarrierHttpTest, ASupplierThatHangsIsGivenUpAfterTheTimeout) {
  HttpPartsSupplier supplier(config(300));
  next("hang");
  const auto hung = supplier.order(request("R-4-parts"));
  ASSERT_FALSE(hung);
  EXPECT_EQ(hung.error().kind, ErrorKind::Gateway);
  EXPECT_NE(hung.error().message.find("no answer within 300 ms"), std::string::npos) << hung.error().message;
}

TEST_F(PartsCarrierHttpTest, NothingListeningIsAGatewayErrorWithoutTheCredentials) {
  const int port = m_server.port();
  m_server.stop();
  HttpCarrier carrier(HttpGatewayConfig{"http://kiosk:pa55word@127.0.0.1:" + std::to_string(port), kToken, 2000, ""});
  const auto booked = carrier.book(shipment("R-return"));
  ASSERT_FALSE(booked);
  EXPECT_EQ(booked.error().kind, ErrorKind::Gateway);
  EXPECT_NE(booked.error().message.find("the carrier at http://127.0.0.1:" + std::to_string(port) + "/shipments"),
            std::string::npos)
      << booked.error().message;
  EXPECT_EQ(booked.error().message.find("pa55word"), std::string::npos) << booked.error().message;
  EXPECT_EQ(booked.error().message.find(kToken), std::string::npos);
}

TEST_F(PartsCarrierHttpTest, ABookingGivesCarrierAndTrackingAndTheSameAfterALostAnswer) {
  HttpCarrier carrier(config());
  next("drop");
  const auto lost = carrier.book(shipment("M6EM-XNNN-return"));
  ASSERT_FALSE(lost);
  const auto booked = carrier.book(shipment("M6EM-XNNN-return"));
  ASSERT_TRUE(booked) << booked.error().message;
  EXPECT_EQ(booked->carrier, "Posten");
  EXPECT_FALSE(booked->tracking.empty());
  const auto again = carrier.book(shipment("M6EM-XNNN-return"));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->tracking, booked->tracking);
  EXPECT_EQ(counted("shipments"), 1);
}

TEST_F(PartsCarrierHttpTest, ATokenEchoedByTheGatewayIsScrubbedFromTheError) {
  // A gateway may echo what it was sent; the excerpt an error quotes never carries the token.
  const HttpJsonClient http(config());
  EXPECT_EQ(http.excerpt(std::string("{\"error\": \"bad token ") + kToken + "\"}"), "{\"error\": \"bad token ***\"}");
  EXPECT_EQ(http.where("/orders"), m_server.url("http", "/orders"));
}

TEST(PathSegment, EscapesWhatAPathCannotHold) {
  EXPECT_EQ(pathSegment("PO-1000"), "PO-1000");
  EXPECT_EQ(pathSegment("a/b c"), "a%2Fb%20c");
}

}  // namespace
}  // namespace kiosk::test
