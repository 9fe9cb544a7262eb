#pragma once
// A repair case: the device, its customer, what was agreed, and its append-only timeline.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflow/calendar.hpp"
#include "workflow/case_status.hpp"
#include "workflow/outbox.hpp"
#include "workflow/warranty.hpp"

namespace kiosk {

struct Customer {
  std::string name;
  std::string mobile;   // E.164, e.g. +4791234567
  std::string email;    // may be empty
  std::string address;  // service location the device returns to
};

struct Device {
  std::string vendor;  // profile id: apple, hp, lenovo
  std::string family;  // mac, ipad, laptop, printer, ...
  std::string serial;  // upper case, no spaces
  std::string product;
  Date purchased;
  std::string seller;   // atea or other
  std::string country;  // of purchase, ISO code
  std::optional<Date> aceUntil;
  std::optional<Date> contractUntil;
};

// What the counter recorded at hand-in besides device and customer.
struct IntakeDetails {
  std::string ecase;      // the customer's original order case no. ("E-sak")
  std::string invoice;
  std::string order;
  std::string fault;
  std::string channel;    // counter, phone, email, web, letter, abroad
  std::string agreement;  // service agreement number, e.g. SA0009858
  std::string accessories;
  std::string condition;
  std::string shelf;
  std::string passcode;   // sealed text (workflow/passcode_vault.hpp), "" when none; never printed
  std::string secondCaseReason;  // why a second open case for the same device was allowed
};

// One line of the timeline. Events are only ever appended. `kind` is "registered" or the
// name of the step that made it ("decide", "order-parts", ...).
struct CaseEvent {
  LocalTime at{};
  std::string staff;
  std::string kind;    // the step: registered, diagnosed, decided, quoted, ...
  std::string detail;  // human-readable specifics
};

enum class CustomerAnswer { None, Approved, Declined, BoughtNew };

// The order for the parts supplier that the latest order-parts step made (workflow/parts_desk.hpp
// sends it and follows it). An empty reference: nothing for the supplier (a case from before
// the supplier was wired in, or one whose order the supplier cancelled: order the parts again).
struct PartsOrder {
  // "<case number>-<event position>-parts" of the order-parts event: the same on every attempt,
  // so the supplier answers a repeated order with the order it already has.
  std::string reference;
  std::vector<std::string> parts;  // what that step ordered
  std::string supplierId;          // the supplier's order id once it took the order; "" until then
};

[[nodiscard]] std::string partsOrderReference(std::string_view caseNumber, std::size_t eventPosition);

[[nodiscard]] std::string_view customerAnswerName(CustomerAnswer answer);  // "none", "approved", ...
[[nodiscard]] std::optional<CustomerAnswer> parseCustomerAnswer(std::string_view text);

struct RepairCase {
  std::uint64_t sequence = 0;  // the store's sequence number; the case number derives from it
  std::string number;          // "XXXX-XXXX"
  // The secret on the customer's receipt that, with the number, shows them the case's status at
  // the counter (workflow/customer_code.hpp). Drawn by the store when it creates the case, like
  // the number; never changed after.
  std::string customerCode;
  std::int64_t version = 0;    // bumped on every change; guards against lost updates
  Device device;
  Customer customer;
  IntakeDetails intake;
  LocalTime registeredAt{};
  CaseStatus status = CaseStatus::Registered;

  std::string finding;
  Damage damage = Damage::None;
  std::optional<WarrantyDecision> warranty;
  std::optional<std::int64_t> quoteOre;  // the quote in øre (1/100 NOK)
  CustomerAnswer answer = CustomerAnswer::None;
  std::vector<std::string> parts;
  PartsOrder partsOrder;
  std::string carrier;
  std::string tracking;
  std::optional<LocalTime> informedAt;  // first time the customer was told the outcome
  std::optional<Date> due;              // set when the clock starts
  bool lateReport = false;              // Lenovo: reported in the 15:30-16:00 band
  std::optional<LocalTime> doneAt;      // shipped (carry-in) or on-site visit done (Lenovo)
  std::optional<LocalTime> closedAt;
  // When the customer was told the case will miss its due date (workflow/deviation_notice.hpp);
  // set once, so the notice is never sent twice.
  std::optional<LocalTime> deviationNoticedAt;
  // Made by `kioskctl demo`: the customer is made up (the mobile number may be someone's), so no
  // step ever queues a message to them, whatever station works the case.
  bool demo = false;
  std::string acceptedBy;
  // The customer's signature accepting the case, as drawn on the kiosk's screen: SVG path data
  // in the signature canvas's own integer coordinates (origin top left, y down), one "M x y"
  // per stroke followed by "L x y" for each further point, separated by single spaces, e.g.
  // "M 10 20 L 14 22 L 19 25 M 40 18 L 44 30". Empty when none was taken (the CLI closes
  // without one). Kept as text so any SVG viewer can redraw it.
  std::string acceptanceSignature;
  // The staff member who last did a bench step (diagnose, decide, quote, order-parts,
  // receive-parts, repaired, dispatch, ship): whose case it is on the queue. Empty until then.
  std::string technician;
  // When the privacy purge emptied the case's personal data (its customer, the event details);
  // unset for every case that still holds them.
  std::optional<LocalTime> purgedAt;

  std::vector<CaseEvent> events;  // may be empty when loaded for a list

  // Transient: messages the change being stored queued for its new events. The store writes
  // them in the same transaction as the events (CaseStore::create/update) and returns them with
  // their ids; a loaded case has none. Carried on the case rather than returned by the Change so
  // the port's signatures, and every caller of them, stay as they were.
  std::vector<OutboxMessage> newMessages;
};

}  // namespace kiosk
