#pragma once
// A name for one running outbox relay, unique among the stations sharing a database: the store
// lets only the relay holding a claim record its outcome, so two relays must never share a name.
#include <string>

namespace kiosk {

// "<host>-<pid>-<6 random hex digits>", e.g. "kiosk-3-41207-9f03a2". The random part keeps two
// relays in one process (or a pid reused after a restart) apart.
[[nodiscard]] std::string defaultRelayName();

}  // namespace kiosk
