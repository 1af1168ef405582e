#include "output/unit_arrays.h"

#include <stdexcept>

namespace finsim {
namespace {

std::size_t product(const h5::Shape& rest) {
  std::size_t n = 1;
  for (auto d : rest) n *= d;
  return n;
}

}  // namespace

h5::Shape UnitArrays::full(const h5::Shape& rest) const {
  h5::Shape out = frame_.lead.shape;
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

std::vector<std::string> UnitArrays::all_dims(const std::vector<std::string>& dims) const {
  std::vector<std::string> out = frame_.lead.dims;
  out.insert(out.end(), dims.begin(), dims.end());
  return out;
}

void UnitArrays::add_doubles(const std::string& name, h5::Shape rest, const std::vector<std::string>& dims,
                             const std::vector<h5::Attribute>& attrs, Fill<double> fill) {
  doubles_.push_back(
      {h5::SlabWriter::create<double>(frame_.group, name, full(rest), all_dims(dims), frame_.lead.dims.size(), attrs),
       std::move(fill)});
}

void UnitArrays::add_integers(const std::string& name, h5::Shape rest, const std::vector<std::string>& dims,
                              const std::vector<h5::Attribute>& attrs, Fill<std::int64_t> fill) {
  integers_.push_back({h5::SlabWriter::create<std::int64_t>(frame_.group, name, full(rest), all_dims(dims),
                                                            frame_.lead.dims.size(), attrs),
                       std::move(fill)});
}

void UnitArrays::add_strings(const std::string& name, h5::Shape rest, const std::vector<std::string>& dims,
                             const std::vector<h5::Attribute>& attrs, Fill<std::string> fill) {
  Strings s{name, std::move(rest), dims, attrs, std::move(fill), {}, {}, {}};
  s.slots.resize(frame_.units());
  strings_.push_back(std::move(s));
}

void UnitArrays::write(std::size_t slot, const ReplicationResult& result) {
  ++writes_;
  for (auto& a : doubles_) {
    double_slab_.assign(a.writer.slab_size(), 0.0);
    a.fill(result, double_slab_);
    a.writer.write(slot, std::span<const double>(double_slab_));
  }
  for (auto& a : integers_) {
    integer_slab_.assign(a.writer.slab_size(), 0);
    a.fill(result, integer_slab_);
    a.writer.write(slot, std::span<const std::int64_t>(integer_slab_));
  }
  for (auto& s : strings_) {
    string_slab_.assign(product(s.rest), std::string());
    s.fill(result, string_slab_);
    auto& indices = s.slots.at(slot);
    indices.clear();
    for (const auto& v : string_slab_) {
      const auto [it, added] = s.index.try_emplace(v, static_cast<std::uint32_t>(s.distinct.size()));
      if (added) s.distinct.push_back(v);
      indices.push_back(it->second);
    }
  }
}

void UnitArrays::close() {
  for (auto& a : doubles_) a.writer.close();
  for (auto& a : integers_) a.writer.close();
  for (auto& s : strings_) {
    std::vector<std::string> values;
    values.reserve(s.slots.size() * product(s.rest));
    for (std::size_t slot = 0; slot < s.slots.size(); ++slot) {
      if (s.slots[slot].size() != product(s.rest))
        throw std::invalid_argument("write_results: unit " + std::to_string(slot) + " of " + s.name + " not written");
      for (auto i : s.slots[slot]) values.push_back(s.distinct[i]);
    }
    h5::write_array(frame_.group, s.name, std::span<const std::string>(values), full(s.rest), all_dims(s.dims),
                    s.attrs);
  }
}

}  // namespace finsim
