// A run controller whose output is the journal itself (a shard run): it wants the units of its
// shard that the journal lacks, and appends each finished unit to the journal, keeping nothing in memory.
#pragma once
#include "run/run_controller.h"
#include "run/shard.h"
#include "run/unit_journal.h"

namespace finsim {

class JournalController : public RunController {
 public:
  JournalController(UnitJournal& journal, const ShardSlice& slice) : journal_(journal), slice_(slice) {}
  bool wants(const Unit& unit) const override {
    return slice_.contains(unit) && !journal_.done(unit.point, unit.replication);
  }
  // Throws std::system_error when the journal cannot be written: without it the unit is lost, so
  // the run fails (and a --resume continues from the units on disk).
  void done(const Unit& unit, ReplicationResult&& result) override;

 private:
  UnitJournal& journal_;
  const ShardSlice& slice_;
};

}  // namespace finsim
