#include "workflow/privacy.hpp"

#include <algorithm>

#include "workflow/field_rules.hpp"
#include "workflow/outbox_relay.hpp"

namespace kiosk {

void erasePersonalData(RepairCase& c) {
  c.customer = Customer{};
  c.intake.ecase.clear();
  c.intake.passcode.clear();
  c.acceptedBy.clear();
  c.acceptanceSignature.clear();
}

bool holdsNoPersonalData(const RepairCase& c) {
  return c.customer.name.empty() && c.customer.mobile.empty() && c.customer.email.empty() &&
         c.customer.address.empty() && c.intake.ecase.empty() && c.intake.passcode.empty() && c.acceptedBy.empty() &&
         c.acceptanceSignature.empty();
}

Result<CustomerKey> parseCustomerKey(std::string_view text) {
  // The messages of normalizePhone/normalizeEmail quote the input; this one names only the field,
  // so a mistyped number or address never reaches a terminal log.
  if (text.find('@') != std::string_view::npos) {
    auto email = normalizeEmail("customer", text);
    if (!email) return badInput("customer", "is not an e-mail address (name@domain)");
    return CustomerKey{{}, std::move(*email)};
  }
  auto mobile = normalizePhone("customer", text);
  if (!mobile) {
    return badInput("customer",
                    "is neither a mobile number (8 digits, or + and the country code) nor an e-mail address");
  }
  return CustomerKey{std::move(*mobile), {}};
}

Date retentionCutoff(Date today, int retainClosedDays) { return addDays(today, -retainClosedDays); }

PrivacyService::PrivacyService(CaseStore& cases, PrivacyStore& privacy, AuditLog* audit, UtcClock nowMs)
    : m_cases(cases), m_privacy(privacy), m_audit(audit), m_nowMs(nowMs ? std::move(nowMs) : UtcClock(systemUtcMs)) {}

Result<void> PrivacyService::log(std::string_view staff, std::string kind, std::string subject, std::string detail) {
  if (m_audit == nullptr) return {};
  AuditEntry entry;
  entry.atMs = m_nowMs();
  entry.staff = std::string(staff);
  entry.kind = std::move(kind);
  entry.subject = std::move(subject);
  entry.detail = std::move(detail);
  auto appended = m_audit->appendAuditEntry(std::move(entry));
  if (!appended) return tl::unexpected(appended.error());
  return {};
}

namespace {

std::string casesWord(std::size_t n) { return std::to_string(n) + (n == 1 ? " case" : " cases"); }

}  // namespace

Result<CustomerExport> PrivacyService::exportCustomer(std::string_view text, std::string_view staff) {
  auto key = parseCustomerKey(text);
  if (!key) return tl::unexpected(key.error());
  auto cases = m_privacy.findCustomerCases(*key);
  if (!cases) return tl::unexpected(cases.error());
  CustomerExport out{*key, std::move(*cases), {}};
  for (const RepairCase& c : out.cases) {
    OutboxQuery query;
    query.caseNumber = c.number;
    auto messages = m_cases.listOutbox(query);
    if (!messages) return tl::unexpected(messages.error());
    out.messages.insert(out.messages.end(), messages->begin(), messages->end());
  }
  std::stable_sort(out.messages.begin(), out.messages.end(),
                   [](const OutboxMessage& a, const OutboxMessage& b) { return a.id < b.id; });
  // The kind of key and how much was handed out; who the customer is stays out of the log, which
  // no purge empties.
  if (auto logged = log(staff, kPrivacyExportEntry, key->mobile.empty() ? "e-mail" : "mobile", casesWord(out.cases.size()));
      !logged) {
    return tl::unexpected(logged.error());
  }
  return out;
}

Result<PurgeReport> PrivacyService::purge(const PurgeRequest& request) {
  PurgeReport report{request.closedBefore, request.dryRun, {}};
  if (request.dryRun) {
    auto numbers = m_privacy.purgeableCases(request.closedBefore, 0);
    if (!numbers) return tl::unexpected(numbers.error());
    report.counts.cases = std::move(*numbers);
    return report;
  }
  const CaseEvent purged{request.actor.at, request.actor.staff, std::string(kPurgedEventKind), {}};
  const std::size_t batch = std::max<std::size_t>(request.batchSize, 1);
  std::vector<std::string> previous;
  for (;;) {
    auto numbers = m_privacy.purgeableCases(request.closedBefore, batch);
    if (!numbers) return tl::unexpected(numbers.error());
    if (numbers->empty()) break;
    // The same batch twice: the store lists cases it then will not purge; stop rather than spin.
    if (*numbers == previous) return storageError("the purge made no progress on cases " + numbers->front() + "...");
    previous = *numbers;
    auto counts = m_privacy.purgeCases(*numbers, request.closedBefore, purged);
    if (!counts) {
      // What was purged before the failed batch stays purged: the log says so too.
      if (!report.counts.cases.empty()) {
        (void)log(request.actor.staff, kPrivacyPurgeEntry, formatDate(request.closedBefore),
                  casesWord(report.counts.cases.size()) + ", then stopped: " + counts.error().message);
      }
      return tl::unexpected(counts.error());
    }
    // Another station purged this batch meanwhile: the next query no longer lists those cases.
    report.counts.cases.insert(report.counts.cases.end(), counts->cases.begin(), counts->cases.end());
    report.counts.events += counts->events;
    report.counts.messages += counts->messages;
    report.counts.lookupAttempts += counts->lookupAttempts;
  }
  if (report.counts.cases.empty()) return report;
  // Logged once the batches are committed (the purge is done then), before the space is
  // reclaimed: a reclaim that fails does not hide that cases were purged.
  if (auto logged = log(request.actor.staff, kPrivacyPurgeEntry, formatDate(request.closedBefore),
                        casesWord(report.counts.cases.size()));
      !logged) {
    return tl::unexpected(logged.error());
  }
  if (auto reclaimed = m_privacy.reclaimErasedSpace(); !reclaimed) return tl::unexpected(reclaimed.error());
  return report;
}

std::optional<Result<PurgeReport>> RetentionDuty::runIfDue(const Actor& actor) {
  const Date today = dateOf(actor.at);
  if (m_lastRun == today) return std::nullopt;
  PurgeRequest request;
  request.closedBefore = retentionCutoff(today, m_days);
  request.actor = actor;
  auto report = m_privacy.purge(request);
  // A failed run is tried again at the next duty round, not tomorrow.
  if (report) m_lastRun = today;
  return report;
}

}  // namespace kiosk
