// TEMPORARY (not committed): stands in for the sweep writer until it is merged.
#include <span>
#include <stdexcept>
#include "output/results_writer.h"
namespace finsim {
void write_sweep(const std::filesystem::path&, const Scenario&, const World&, const std::vector<std::string>&, std::span<const PointResults>, const RunInfo&) { throw std::runtime_error("sweep writer not merged yet"); }
}
