#include "run/result_encoding.h"

#include <zlib.h>

#include <stdexcept>

#include "run/binary_archive.h"

namespace finsim {

// One list per struct, used to write and to read. The field counts make the compiler stop here
// when a struct gains a field: encode it below and bump kResultEncodingVersion.
static_assert(kFieldCount<AreaInfo> == 5, "AreaInfo changed: update serialize(AreaInfo)");
static_assert(kFieldCount<MonthCounters> == 26, "MonthCounters changed: update serialize(MonthCounters)");
static_assert(kFieldCount<ForbundYear> == 27, "ForbundYear changed: update serialize(ForbundYear)");
static_assert(kFieldCount<EventRecord> == 7, "EventRecord changed: update serialize(EventRecord)");
static_assert(kFieldCount<ReplicationResult> == 12, "ReplicationResult changed: update serialize(ReplicationResult)");

template <class Ar>
void serialize(Ar& ar, AreaInfo& a) {
  ar(a.name, a.forbund, a.region, a.synthetic, a.population_16_64);
}

template <class Ar>
void serialize(Ar& ar, MonthCounters& c) {
  ar(c.flow, c.stock, c.support, c.gone, c.inflow, c.identified, c.identified_pool, c.referrals, c.starts,
     c.completions, c.dropouts, c.wait_expired, c.pathway_referrals, c.ended_unfunded, c.exit_work, c.exit_studies,
     c.exit_job_seeking, c.exit_other, c.new_unique_participants, c.participants, c.capacity, c.insats_spending,
     c.public_cost, c.public_revenue, c.pension_contribution, c.events);
}

template <class Ar>
void serialize(Ar& ar, ForbundYear& y) {
  ar(y.forbund, y.year, y.key_offer, y.equity_reduction, y.cap_adjustment, y.state_offer, y.state_paid, y.region_paid,
     y.kommuner_paid, y.budget, y.unused_offer, y.admin, y.structural, y.individual, y.equity_open, y.equity_draw,
     y.spent, y.equity_close, y.given, y.offer_cut, y.declined, y.rounding_leftover, y.reasonable_equity, y.kommun_paid,
     y.capping_party, y.monthly_slots, y.structural_places);
}

template <class Ar>
void serialize(Ar& ar, EventRecord& e) {
  ar(e.agent, e.month, e.event, e.from, e.to, e.insats, e.area);
}

template <class Ar>
void serialize(Ar& ar, ReplicationResult& r) {
  ar(r.replication, r.months, r.areas, r.monthly, r.initial_stock, r.initial_participants, r.funding,
     r.individual_spent, r.events, r.events_recorded, r.peak_agents, r.bytes_per_agent);
}

// A result is mostly zeros and small counts: as varints a national 2019–2040 unit is about a fifth of
// its fixed-width bytes (14 MB), so deflate, at its fastest level, has a fifth of the work; deflate
// then halves it again, which makes the journal's record cheaper to sync than to compress.
void encode_result(const ReplicationResult& r, std::string& out) {
  std::string raw;
  raw.reserve(r.monthly.size() * 160 + r.events.size() * 12 + 4096);
  VarintArchiveWriter w(raw);
  w(r);
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  const std::size_t head = out.size();
  out.resize(head + 8 + size);
  const std::uint64_t raw_size = raw.size();
  for (int i = 0; i < 8; ++i) out[head + static_cast<std::size_t>(i)] = static_cast<char>((raw_size >> (8 * i)) & 0xff);
  if (compress2(reinterpret_cast<Bytef*>(out.data() + head + 8), &size, reinterpret_cast<const Bytef*>(raw.data()),
                static_cast<uLong>(raw.size()), Z_BEST_SPEED) != Z_OK)
    throw std::runtime_error("result encoding: deflate failed");
  out.resize(head + 8 + size);
}

ReplicationResult decode_result(std::string_view bytes) {
  if (bytes.size() < 8) throw std::runtime_error("result encoding: too short");
  std::uint64_t raw_size = 0;
  for (int i = 0; i < 8; ++i)
    raw_size |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)])) << (8 * i);
  if (raw_size > (std::uint64_t{1} << 40)) throw std::runtime_error("result encoding: implausible size");
  std::string raw(raw_size, '\0');
  uLongf size = static_cast<uLongf>(raw_size);
  uLong consumed = static_cast<uLong>(bytes.size() - 8);
  if (uncompress2(reinterpret_cast<Bytef*>(raw.data()), &size, reinterpret_cast<const Bytef*>(bytes.data() + 8),
                  &consumed) != Z_OK ||
      size != raw_size)
    throw std::runtime_error("result encoding: inflate failed");
  if (consumed != bytes.size() - 8) throw std::runtime_error("result encoding: bytes left after one result");
  ReplicationResult r;
  VarintArchiveReader reader(raw);
  reader(r);
  if (reader.remaining() != 0) throw std::runtime_error("result encoding: bytes left after one result");
  return r;
}

}  // namespace finsim
