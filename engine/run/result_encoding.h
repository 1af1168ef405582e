// The bytes of one ReplicationResult in a run's journal: every field, integers as varints
// (run/binary_archive.h), listed once per struct in result_encoding.cpp for both directions, then
// deflated (zlib).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/replication_result.h"

namespace finsim {

// Bump when a field list in result_encoding.cpp changes: a journal of another format is refused.
// 2: deflated; 3: MonthCounters::events; 4: integers as varints.
inline constexpr std::uint32_t kResultEncodingVersion = 4;

// Appends the encoding of `r` to `out`.
void encode_result(const ReplicationResult& r, std::string& out);

// Reads exactly one encoded result (all of `bytes`). Throws std::runtime_error when the bytes are
// not one (the journal checks a checksum first, so that is a bug or a format mismatch).
ReplicationResult decode_result(std::string_view bytes);

}  // namespace finsim
