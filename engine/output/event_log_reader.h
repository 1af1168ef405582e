// Reading the event log of a result file back (finsim run --events): its codes decoded by the
// file's own flag_meanings and coordinates, a block of records at a time (the log can be long).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "output/hdf5_file.h"

namespace finsim {

// One record with its codes decoded; numbers the file has no label for are kept as numbers.
struct DecodedEvent {
  std::int64_t replication = 0;
  std::string month;  // "2019-01"
  std::int64_t agent = 0;
  std::string forbund;
  std::string event, from_state, to_state, insats;  // "" when the code means none
};

class EventLogReader {
 public:
  // `scenario` is a result file's scenario group; throws InputError if it holds no event log.
  explicit EventLogReader(const h5::Group& scenario);
  std::size_t size() const { return length_; }
  // Records [first, first + count) (fewer at the end), decoded.
  std::vector<DecodedEvent> read(std::size_t first, std::size_t count) const;

 private:
  h5::Group events_;
  std::vector<std::string> months_, areas_, insatser_, event_names_, from_names_, to_names_;
  std::size_t length_ = 0;
};

}  // namespace finsim
