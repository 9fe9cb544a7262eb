#pragma once
// kiosk_bench's databases: every case open, statuses, vendors, technicians and due dates mixed
// as at a busy service centre, written by bulk insert (not durable: a fixture) and kept between
// runs while they hold the expected count.
#include <cstddef>
#include <filesystem>

namespace kiosk::bench {

// The database at `file` holding exactly `cases` open cases, built when it does not.
void ensureQueueFixture(const std::filesystem::path& file, std::size_t cases);

}  // namespace kiosk::bench
