#pragma once
// What the screens may ask for, and the only way they reach the store, the decoder or a printer.
// Every call runs on the background worker and comes back as a future the screen polls
// (see Pending in background_tasks.hpp), so a frame never waits for SQLite or a decode.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app/background_tasks.hpp"
#include "kiosk/app/label_printing.hpp"
#include "kiosk/app/secret_text.hpp"
#include "kiosk/app/station_relay.hpp"
#include "gateways/gateway_config.hpp"
#include "store/open_store.hpp"
#include "workflow/carrier.hpp"
#include "workflow/case_service.hpp"
#include "workflow/clock.hpp"
#include "workflow/customer_lookup.hpp"
#include "workflow/dashboard.hpp"
#include "workflow/outbox.hpp"
#include "workflow/passcode_service.hpp"
#include "workflow/passcode_vault.hpp"
#include "workflow/staff_service.hpp"
#include "workflow/translations.hpp"

namespace kiosk {

// The bench queue's filters; empty means "any".
struct QueueFilter {
  std::optional<CaseStatus> status;
  std::optional<std::string> vendor;
  std::optional<std::string> technician;
  bool operator==(const QueueFilter&) const = default;
};

// What intake produced besides the case: where the label and receipt went.
struct IntakeDocuments {
  std::filesystem::path label;    // PNG
  std::filesystem::path receipt;  // PDF
};

// The database in use, for the settings screen (where it is: KioskBackend::databaseLocation).
struct DatabaseInfo {
  int schemaVersion = 0;
  std::size_t cases = 0;  // open and closed
};

// Which gateways the station's configuration sets (kiosk --config); without SMS and e-mail the
// customer's messages wait in the outbox, and the case screen says so.
struct GatewayChannels {
  bool sms = false, email = false, parts = false, carrier = false;
};

// Who is signed in at the station: the account's name as stored and its role.
struct SignedInStaff {
  std::string name;
  StaffRole role = StaffRole::Counter;
};

// What the PIN pad offers: the enabled accounts by name (no PIN, no hash), and whether any
// account exists at all (none: the kiosk works as before sign-in, with its --staff name).
struct StaffRoster {
  std::vector<StaffMember> enabled;
  bool accountsExist = false;
};

// What the case screen's "Show passcode" gets back: PasscodeService::read's answer, with the
// passcode in a SecretText, so that no copy of it on its way to the screen outlives the screen's.
struct PasscodeReading {
  PasscodeReadVerdict verdict = PasscodeReadVerdict::Refused;
  SignInAnswer signIn;
  SecretText passcode;  // Read only
};

struct BackendConfig {
  StoreLocation store;             // the SQLite file (--db) or the PostgreSQL server (--db-url)
  std::filesystem::path assets;    // vendor profiles, translations, print layouts
  std::filesystem::path documents; // where labels and receipts are saved when no printer is set
  // How often the store's change stamp is looked at: other stations' changes and a lost server
  // show within this. It costs next to nothing on either store (SQLite: PRAGMA data_version;
  // PostgreSQL: the LISTEN notifications already received, no table read), so the same short
  // interval serves both.
  std::chrono::milliseconds watchInterval{250};
  GatewayConfig gateways;          // from --config; default: none set
  std::string station = "kiosk";   // who the background relay's events name (deviation notices)
  // The passcode key file; empty: [passcodes] key_file of --config, else KIOSK_PASSCODE_KEY, else
  // passcode.key beside the default database (crypto/passcode_key_file.hpp), as kioskctl.
  std::filesystem::path passcodeKeyFile;
};

class KioskBackend {
 public:
  // Opens the vendor catalog and the store (openStore: creating an SQLite file when missing).
  // Errors name the file or the server. `wake` is called from the worker when a result is
  // ready (the shell posts an empty event so an idle window wakes to show it).
  [[nodiscard]] static Result<std::unique_ptr<KioskBackend>> open(const BackendConfig& config, const Clock& clock,
                                                                  std::function<void()> wake = {});
  // Used by tests: a store made elsewhere (for example in memory).
  // With `messages`, steps queue the customer's SMS and e-mail in the outbox as kioskctl's do.
  KioskBackend(const BackendConfig& config, const Clock& clock, std::unique_ptr<CaseDatabase> store,
               VendorCatalog vendors, std::function<void()> wake = {},
               std::optional<MessageTexts> messages = std::nullopt);
  ~KioskBackend();
  KioskBackend(const KioskBackend&) = delete;
  KioskBackend& operator=(const KioskBackend&) = delete;

  // Reads.
  [[nodiscard]] std::future<Result<std::size_t>> countQueue(const QueueFilter& filter);
  [[nodiscard]] std::future<Result<std::vector<RepairCase>>> queuePage(const QueueFilter& filter, std::size_t offset,
                                                                       std::size_t limit);
  // Serial, case number, customer name or mobile.
  [[nodiscard]] std::future<Result<std::vector<RepairCase>>> find(std::string text);
  [[nodiscard]] std::future<Result<RepairCase>> load(std::string number);
  // The counter's status lookup (workflow/customer_lookup.hpp): the case number and customer code
  // as typed or scanned, counted and locked as [customer_lookup] of --config says, on the real
  // clock. The answer holds nothing personal.
  [[nodiscard]] std::future<Result<CustomerLookupAnswer>> lookUpCustomer(std::string number, std::string code);
  [[nodiscard]] std::future<Result<DashboardFigures>> dashboard(int weeks);
  // True once after any station (this one included) committed a change to cases: a watcher
  // thread compares the store's change stamp every `watchInterval` and wakes the UI on a change.
  // Also true once when the store answers again after being offline.
  [[nodiscard]] bool takeChanged() { return m_changed.exchange(false); }
  // False while the store does not answer the watcher (a PostgreSQL server restarting, the
  // network cut): the frame says "offline", screens keep what they loaded, and steps fail with
  // the error shown. Any store call here that fails with a Storage error has the watcher look at
  // once rather than at its next turn. Back online, takeChanged() has the screens refresh.
  [[nodiscard]] bool online() const { return m_online; }
  // The store's error from the look that found it offline; empty while online.
  [[nodiscard]] std::string offlineReason() const;

  // Writes: one workflow step by the station's staff member, now. Once staff accounts exist, a
  // write needs a signed-in member whose account is still enabled and whose role may do it
  // (workflow/staff_roles.hpp): Refused otherwise, nothing written; the screens hide or refuse
  // it in words before it gets here.
  using StepCommand = std::function<Result<RepairCase>(CaseService&, const Actor&)>;
  [[nodiscard]] std::future<Result<RepairCase>> runStep(Step step, StepCommand command);
  [[nodiscard]] std::future<Result<RepairCase>> registerCase(IntakeForm form);

  // Staff sign-in (kiosk_backend_staff.cpp). With no account at all the kiosk works as before,
  // its events attributed to the --staff name (setStaff). Once any exists, sign-in picks the
  // member: StaffService::signIn on the worker, on the real clock, counted and locked as
  // [staff] of --config says; a right PIN signs the member in here.
  [[nodiscard]] std::future<Result<StaffRoster>> staffRoster();
  [[nodiscard]] std::future<Result<SignInAnswer>> signIn(std::string name, std::string pin);
  void signOut();
  [[nodiscard]] std::optional<SignedInStaff> signedIn() const;
  // Why the backend last signed the member out on its own, once (the UI puts it on the PIN pad):
  // the passcode read whose PIN was answered Locked or Disabled, or a step or intake whose member's
  // account was found disabled (Disabled) or gone (Unknown). None since the last take: nullopt.
  [[nodiscard]] std::optional<SignInAnswer> takeSignOutReason();
  // Whether the staff screens need a signed-in member: accounts exist (as last looked).
  [[nodiscard]] bool signInRequired() const { return m_accountsExist; }
  // At start, before the UI: a --staff naming no enabled account is a BadInput on "staff" once
  // accounts exist (as kioskctl's); with none, it is the name events get. Blocks on the store.
  [[nodiscard]] Result<void> checkStartStaff(const std::string& name);
  // --screenshot only (it takes no input and exits): the staff screens drawn as `name`, an
  // enabled account, sees them, without a PIN. BadInput on "staff" otherwise. Blocks.
  [[nodiscard]] Result<void> signInForScreenshots(const std::string& name);
  // A device passcode for the signed-in member (kiosk_backend_passcode.cpp): PasscodeService::read
  // on the worker with the member's name as stored and `pin` as typed, on the real clock for the
  // PIN lock; a wrong PIN counts toward the account's lock and every attempt is a "passcode-read"
  // event on the case and an entry in the audit log, as kioskctl's. The PIN is wiped once it is judged. Refused while nobody is signed in
  // (nothing counted, nothing written): the kiosk never reads a passcode for its --staff name.
  // An answer of Locked (this PIN locked the account, or it was locked already) or Disabled also
  // signs the member out, on the worker before the answer is ready: a signed-in session left
  // unattended at a station the public reaches must not outlive PIN guessing on it.
  [[nodiscard]] std::future<Result<PasscodeReading>> readPasscode(std::string number, std::shared_ptr<SecretText> pin);
  // Seals the clear-text passcodes an older program left in the store (workflow/passcode_service.hpp)
  // and has the store let go of the old text: open() runs it before the first frame. Blocking.
  [[nodiscard]] Result<std::size_t> sealClearPasscodes();
  // Renders the device label (PNG) and the customer receipt (PDF) into the documents folder.
  [[nodiscard]] std::future<Result<IntakeDocuments>> saveIntakeDocuments(RepairCase repairCase, std::string language);

  // Synchronous, cheap, UI thread.
  [[nodiscard]] const VendorCatalog& vendors() const { return m_vendors; }
  [[nodiscard]] LocalTime now() const { return m_clock.now(); }
  [[nodiscard]] const BackendConfig& config() const { return m_config; }
  // The --staff name (or the settings screen's) events get while no staff account exists.
  void setStaff(std::string staff);
  // Who the next step is attributed to: the signed-in member; "" when accounts exist and nobody
  // is signed in; else the --staff name.
  [[nodiscard]] std::string staff() const;
  // The --staff name as given (as stored once checkStartStaff found its account): the name the
  // PIN pad offers first.
  [[nodiscard]] std::string stationStaff() const;
  // Jobs queued or running: the spinner.
  [[nodiscard]] std::size_t busy() const { return m_tasks.busy(); }
  // Blocks until the worker is idle: tests and --screenshot only, never in a frame.
  void waitUntilIdle() const { m_tasks.waitUntilIdle(); }

  // Settings: the texts of another language (read from the assets folder off the UI thread),
  // the schema version and case count of the database, the cameras this machine has (/dev/video*).
  [[nodiscard]] std::future<Result<Translations>> loadTexts(std::string language);
  [[nodiscard]] std::future<Result<DatabaseInfo>> databaseInfo();
  // Where the store is: the SQLite file's path or the PostgreSQL URL, never with a password.
  [[nodiscard]] const std::string& databaseLocation() const { return m_location; }
  [[nodiscard]] std::future<std::vector<std::string>> cameras();
  // A label printer's HOST:PORT as typed, checked and written out in full ("zebra" -> "zebra:9100");
  // BadInput on field "printer" saying what is wrong. Cheap: no network.
  [[nodiscard]] static Result<std::string> checkPrinterAddress(const std::string& text);

  // The customer's messages of one case, oldest first (the outbox), and a failed one queued
  // again with a fresh budget of attempts.
  [[nodiscard]] std::future<Result<std::vector<OutboxMessage>>> caseMessages(std::string number);
  [[nodiscard]] std::future<Result<OutboxMessage>> retryMessage(std::int64_t id);
  [[nodiscard]] GatewayChannels gateways() const;
  // The ship step with the return booked at the configured carrier (workflow/return_booking.hpp:
  // refused before booking when the case cannot ship; a repeat books under the same reference);
  // nullopt without a [carrier]. Runs on the worker through runStep like any step.
  [[nodiscard]] std::optional<StepCommand> bookReturnCommand(std::string number);
  // What the background relay sent so far; nothing when none runs (a backend made by a test).
  [[nodiscard]] StationRelayStatus relayStatus() const;

  // Intake: the case's label as ZPL to the station's network label printer (HOST:PORT), besides
  // the PNG saveIntakeDocuments keeps. A printer that does not answer is an error on "printer".
  [[nodiscard]] std::future<Result<LabelPrinted>> printLabel(RepairCase repairCase, std::string printer,
                                                             std::string language);

 private:
  // The actor of a write now: `step`, or intake when nullopt (see runStep). On the worker.
  [[nodiscard]] Result<Actor> actorFor(std::optional<Step> step);
  // Signs `name` out and keeps `why` for takeSignOutReason, only if `name` is still the one signed
  // in: the header's sign-out (and another member's sign-in) may have come first. On the worker.
  void signOutBecause(const std::string& name, SignInAnswer why);
  [[nodiscard]] Result<bool> lookForAccounts();
  [[nodiscard]] Result<RepairCase> messagesMayWait(Result<RepairCase> stepped);
  void watchForChanges();
  void lookNow();  // the watcher looks at the store now, not at its next turn
  // A store call on the worker; a Storage error makes the watcher look whether it is offline.
  template <class T>
  [[nodiscard]] std::future<Result<T>> storeCall(std::function<Result<T>()> call);

  BackendConfig m_config;
  const Clock& m_clock;
  VendorCatalog m_vendors;
  std::unique_ptr<CaseDatabase> m_store;
  std::string m_location;  // m_store->location(), read once
  std::optional<MessageTexts> m_messages;
  std::unique_ptr<PasscodeVault> m_vault;  // seals at intake; the key file is read at first use
  CaseService m_service;
  std::unique_ptr<PinHasher> m_pinHasher;  // Argon2id (crypto/)
  StaffService m_staffService;
  mutable std::mutex m_staffMutex;  // guards m_staff, m_signedIn and m_signOutReason
  std::string m_staff;
  std::optional<SignedInStaff> m_signedIn;
  std::optional<SignInAnswer> m_signOutReason;  // takeSignOutReason
  std::atomic<bool> m_accountsExist{false};
  std::function<void()> m_wake;
  std::atomic<bool> m_changed{false};
  std::atomic<bool> m_online{true};
  mutable std::mutex m_watchMutex;  // guards what follows
  std::condition_variable m_watchWake;
  bool m_stopping = false;
  bool m_lookNow = false;
  std::string m_offlineReason;
  // Started by open() only; stopped before the tasks (which wake it) and the store go.
  std::unique_ptr<StationRelay> m_relay;
  std::unique_ptr<Carrier> m_carrier;  // from [carrier]; null without one
  // Last: their threads stop before the store they use goes away.
  BackgroundTasks m_tasks;
  std::thread m_watcher;
};

}  // namespace kiosk
