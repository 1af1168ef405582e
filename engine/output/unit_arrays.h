// The arrays of a result group that hold one slab per unit: created with their full shape, then
// filled unit by unit (any order) from each unit's result, so a writer holds one unit at a time.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "output/h5_slab_writer.h"
#include "output/result_frame.h"

namespace finsim {

class UnitArrays {
 public:
  template <class T>
  using Fill = std::function<void(const ReplicationResult&, std::vector<T>& slab)>;

  explicit UnitArrays(const ResultFrame& frame) : frame_(frame) {}

  // Creates the dataset [lead…, rest…] now (dimension `dims` after the lead's), filled by `fill`
  // for each unit: `slab` comes sized to the rest's product, zeroed, and is filled in row-major order.
  void add_doubles(const std::string& name, h5::Shape rest, const std::vector<std::string>& dims,
                   const std::vector<h5::Attribute>& attrs, Fill<double> fill);
  void add_integers(const std::string& name, h5::Shape rest, const std::vector<std::string>& dims,
                    const std::vector<h5::Attribute>& attrs, Fill<std::int64_t> fill);
  // A string array: its fixed width is the longest value of all units, so it is created by close(),
  // after the other arrays, from each unit's strings kept as indices into the distinct values.
  void add_strings(const std::string& name, h5::Shape rest, const std::vector<std::string>& dims,
                   const std::vector<h5::Attribute>& attrs, Fill<std::string> fill);

  // Writes every array's slab of the unit at position `slot` of the file order.
  void write(std::size_t slot, const ReplicationResult& result);
  // Counts write() calls: a fill may keep what it computed for the unit being written (several
  // arrays from one derived table) and know when the next unit came.
  std::uint64_t writes() const { return writes_; }
  // Writes the string arrays and closes every dataset. Every slot must have been written.
  void close();

 private:
  template <class T>
  struct Array {
    h5::SlabWriter writer;
    Fill<T> fill;
  };
  struct Strings {
    std::string name;
    h5::Shape rest;
    std::vector<std::string> dims;
    std::vector<h5::Attribute> attrs;
    Fill<std::string> fill;
    std::vector<std::string> distinct;
    std::unordered_map<std::string, std::uint32_t> index;
    std::vector<std::vector<std::uint32_t>> slots;  // per slot: indices into `distinct`
  };
  h5::Shape full(const h5::Shape& rest) const;
  std::vector<std::string> all_dims(const std::vector<std::string>& dims) const;
  const ResultFrame& frame_;
  std::vector<Array<double>> doubles_;
  std::vector<Array<std::int64_t>> integers_;
  std::vector<Strings> strings_;
  std::vector<double> double_slab_;
  std::vector<std::int64_t> integer_slab_;
  std::vector<std::string> string_slab_;
  std::uint64_t writes_ = 0;
};

}  // namespace finsim
