#pragma once
// The repair workflow's use cases: intake and every step after it. The CLI and the kiosk call
// these; each is one store transaction that appends one event to the case's timeline.
#include <optional>
#include <string>
#include <vector>

#include "workflow/case_steps.hpp"
#include "workflow/case_store.hpp"
#include "workflow/clock.hpp"
#include "workflow/outbox.hpp"
#include "workflow/passcode_vault.hpp"
#include "workflow/vendor_profile.hpp"

namespace kiosk {

// Who does a step and when it happened (local time; past or future).
struct Actor {
  std::string staff;
  LocalTime at{};
};

// What the intake counter types. Dates come parsed; everything else is checked here.
struct IntakeForm {
  std::string vendor, family, serial, product;
  std::optional<Date> purchased;
  std::string seller = "other";
  std::string country = "NO";
  std::optional<Date> aceUntil, contractUntil;
  std::string customer, mobile, email, address;
  std::string ecase, invoice, order;
  std::string fault, passcode;
  std::string channel = "counter";
  std::string agreement;  // defaults to the vendor's service contract
  std::string accessories, condition, shelf;
  std::string secondCaseReason;
  bool demo = false;  // kioskctl demo: a made-up customer (RepairCase::demo)
};

// What the warranty decision of `repairCase` is judged on: its device, its damage, and the day
// it was registered. `decide` records decideWarranty of this; the kiosk shows it beforehand.
[[nodiscard]] WarrantyQuery warrantyQueryOf(const RepairCase& repairCase);

inline constexpr const char* kChannels[] = {"counter", "phone", "email", "web", "letter", "abroad"};

class CaseService {
 public:
  // `messages`: the customer texts the steps queue (bokmål for now: the customer's language is
  // not recorded yet). Without them no step queues a message; the kiosk is wired in a later slice.
  // `vault` seals the device passcode at intake, before the store sees it; without one an intake
  // that gives a passcode is refused (BadInput on "passcode"), so none is ever stored in clear.
  CaseService(CaseStore& store, const VendorCatalog& vendors, const MessageTexts* messages = nullptr,
              PasscodeVault* vault = nullptr);

  [[nodiscard]] Result<RepairCase> registerCase(const IntakeForm& form, const Actor& actor);
  [[nodiscard]] Result<RepairCase> diagnose(const std::string& number, const std::string& finding,
                                            Damage damage, const Actor& actor);
  [[nodiscard]] Result<RepairCase> decide(const std::string& number, const Actor& actor);
  [[nodiscard]] Result<RepairCase> quote(const std::string& number, std::int64_t amountOre, const Actor& actor);
  [[nodiscard]] Result<RepairCase> inform(const std::string& number, const std::string& via, const Actor& actor);
  [[nodiscard]] Result<RepairCase> approve(const std::string& number, const Actor& actor);
  [[nodiscard]] Result<RepairCase> decline(const std::string& number, bool boughtNew, const Actor& actor);
  [[nodiscard]] Result<RepairCase> orderParts(const std::string& number, const std::vector<std::string>& parts,
                                              const Actor& actor);
  [[nodiscard]] Result<RepairCase> receiveParts(const std::string& number, const Actor& actor);
  [[nodiscard]] Result<RepairCase> markRepaired(const std::string& number, const Actor& actor);
  [[nodiscard]] Result<RepairCase> dispatch(const std::string& number, const Actor& actor);
  [[nodiscard]] Result<RepairCase> ship(const std::string& number, const std::string& carrier,
                                        const std::string& tracking, const Actor& actor);
  // `signature`: the customer's drawn signature (RepairCase::acceptanceSignature's format); the
  // kiosk always gives one, the CLI none. The device passcode is erased: the device is going home.
  [[nodiscard]] Result<RepairCase> close(const std::string& number, const std::string& acceptedBy,
                                         const Actor& actor, const std::string& signature = "");

  // Tells the customers of up to `limit` cases that will miss their due date (willMissDue at
  // actor.at) so, once each: per case one store transaction with a "deviation-notice" event and
  // its messages. Returns the numbers noticed. Run by the relay's loop (kiosk, outbox run).
  [[nodiscard]] Result<std::vector<std::string>> noticeDeviations(const Actor& actor, std::size_t limit);

  // Reads: a number is checked (check character) before the store is asked.
  [[nodiscard]] Result<RepairCase> show(const std::string& number);
  // Serial, case number, customer name or mobile; newest first, no duplicates.
  [[nodiscard]] Result<std::vector<RepairCase>> find(const std::string& text);
  [[nodiscard]] Result<std::vector<RepairCase>> list(const CaseQuery& query);
  // The outbox; a case number in the query is checked first.
  [[nodiscard]] Result<std::vector<OutboxMessage>> outbox(OutboxQuery query);

  [[nodiscard]] const VendorProfile& vendorOf(const RepairCase& repairCase) const;
  [[nodiscard]] const VendorCatalog& vendors() const { return m_vendors; }

 private:
  // Runs one step: checks it is allowed now, applies `apply`, appends the event.
  using Apply = std::function<Result<std::string>(RepairCase&, const VendorProfile&)>;
  // Queues the step's messages once its event is on the timeline.
  using Queue = std::function<void(RepairCase&, const MessageTexts&)>;
  [[nodiscard]] Result<RepairCase> step(const std::string& number, Step step, const Actor& actor,
                                        const Apply& apply, const Queue& queue = {});

  CaseStore& m_store;
  const VendorCatalog& m_vendors;
  const MessageTexts* m_messages;
  PasscodeVault* m_vault;
};

}  // namespace kiosk
