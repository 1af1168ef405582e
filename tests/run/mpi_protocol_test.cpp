// The parts of the MPI protocol that need no running MPI: the ERROR message's bytes and how rank 0
// reads them, and how a process knows an MPI launcher started it. Compiled only with FINSIM_MPI
// (run/mpi_protocol.h includes <mpi.h>); the messages between ranks are tests/cluster/mpi_*.sh's.
#ifdef FINSIM_WITH_MPI
#include "run/mpi_protocol.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <deque>
#include <optional>
#include <string>

using namespace finsim::mpi;

namespace {

// Sets (or unsets) an environment variable for one scope, restoring it after.
struct MpiProtocolEnv {
  std::string name;
  std::optional<std::string> before;
  MpiProtocolEnv(std::string n, const char* value) : name(std::move(n)) {
    if (const char* v = std::getenv(name.c_str())) before = v;
    if (value)
      ::setenv(name.c_str(), value, 1);
    else
      ::unsetenv(name.c_str());
  }
  MpiProtocolEnv(const MpiProtocolEnv&) = delete;
  MpiProtocolEnv& operator=(const MpiProtocolEnv&) = delete;
  ~MpiProtocolEnv() {
    if (before)
      ::setenv(name.c_str(), before->c_str(), 1);
    else
      ::unsetenv(name.c_str());
  }
};

}  // namespace

TEST_CASE("mpi protocol: an error is its kind byte and one line, read back as sent", "[run][mpi]") {
  CHECK(error_message(true, "s.toml:3:1: scale: expected a number") == "2s.toml:3:1: scale: expected a number");
  CHECK(error_message(false, "out of memory") == "1out of memory");
  for (const bool input : {true, false}) {
    const RemoteError e = read_error_message(error_message(input, "rank 2 failed: disk full"));
    CHECK(e.input == input);
    CHECK(e.what == "rank 2 failed: disk full");
  }
  // An empty message or an unknown kind byte is not blamed on the user.
  CHECK_FALSE(read_error_message("").input);
  CHECK(read_error_message("").what.empty());
  CHECK_FALSE(read_error_message("xwhat").input);
  CHECK(read_error_message("xwhat").what == "what");
}

TEST_CASE("mpi protocol: launched by MPI when any launcher's rank variable is set", "[run][mpi]") {
  std::deque<MpiProtocolEnv> cleared;  // (a deque never moves what it holds)
  for (const char* name : kRankVariables) cleared.emplace_back(name, nullptr);
  CHECK_FALSE(launched_by_mpi());
  for (const char* name : kRankVariables) {
    INFO(name);
    MpiProtocolEnv set(name, "0");
    CHECK(launched_by_mpi());
  }
  CHECK_FALSE(launched_by_mpi());
}
#endif
