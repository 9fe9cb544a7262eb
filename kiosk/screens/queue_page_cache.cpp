#include "kiosk/screens/queue_page_cache.hpp"

#include <algorithm>

namespace kiosk {

void QueuePageCache::reset(KioskBackend& backend, const QueueFilter& filter) {
  m_filter = filter;
  m_pages.clear();
  m_count.reset();
  m_error.reset();
  m_pendingCount = Pending(backend.countQueue(m_filter));
}

void QueuePageCache::refresh(KioskBackend& backend) {
  m_error.reset();  // the last failure (the store was offline) is told again if it happens again
  m_pendingCount = Pending(backend.countQueue(m_filter));
  for (auto& [index, page] : m_pages) {
    page.stale = true;
    if (!page.pending.active()) request(backend, index);
  }
}

void QueuePageCache::poll() {
  if (auto counted = m_pendingCount.take()) {
    if (*counted) {
      m_count = **counted;
    } else {
      m_error = counted->error();
    }
  }
  for (auto& [index, page] : m_pages) {
    if (auto rows = page.pending.take()) {
      if (*rows) {
        page.rows = std::move(**rows);
        page.stale = false;
      } else {
        m_error = rows->error();
      }
    }
  }
}

void QueuePageCache::want(KioskBackend& backend, std::size_t first, std::size_t last) {
  ++m_tick;
  if (last <= first) return;
  // At most two fetches in flight: a fast scroll through a million rows must not queue a
  // fetch for every page it passes; the pages still wanted are asked for on later frames.
  std::size_t inFlight = static_cast<std::size_t>(
      std::count_if(m_pages.begin(), m_pages.end(), [](const auto& p) { return p.second.pending.active(); }));
  for (std::size_t page = first / kPageSize; page <= (last - 1) / kPageSize; ++page) {
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
      if (inFlight >= 2) continue;
      request(backend, page);
      ++inFlight;
      it = m_pages.find(page);
    }
    it->second.lastWanted = m_tick;
  }
  evict();
}

void QueuePageCache::request(KioskBackend& backend, std::size_t page) {
  Page& p = m_pages[page];
  p.pending = Pending(backend.queuePage(m_filter, page * kPageSize, kPageSize));
  p.lastWanted = m_tick;
}

void QueuePageCache::evict() {
  while (m_pages.size() > kPagesKept) {
    auto oldest = std::min_element(m_pages.begin(), m_pages.end(), [](const auto& a, const auto& b) {
      return a.second.lastWanted < b.second.lastWanted;
    });
    m_pages.erase(oldest);  // a fetch still running finishes on the worker; its answer is dropped
  }
}

const RepairCase* QueuePageCache::row(std::size_t index) const {
  const auto it = m_pages.find(index / kPageSize);
  if (it == m_pages.end()) return nullptr;
  const std::size_t at = index % kPageSize;
  return at < it->second.rows.size() ? &it->second.rows[at] : nullptr;
}

bool QueuePageCache::loading() const {
  if (m_pendingCount.active()) return true;
  return std::any_of(m_pages.begin(), m_pages.end(), [](const auto& p) { return p.second.pending.active(); });
}

}  // namespace kiosk
