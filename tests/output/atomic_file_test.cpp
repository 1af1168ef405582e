#include "output/atomic_file.h"

#include <unistd.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <system_error>
#include "../temp_dir.h"

namespace fs = std::filesystem;
using finsim::PartialFile;

namespace {

using finsim::test::TempDir;

std::string contents(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("PartialFile commit renames the partial file over the final one", "[hdf5][atomic]") {
  TempDir dir("commit");
  auto final_path = dir.path / "run.h5";
  std::ofstream(final_path) << "old";
  {
    PartialFile partial(final_path);
    CHECK(partial.partial_path() == dir.path / ("run.h5.partial." + std::to_string(::getpid())));
    std::ofstream(partial.partial_path()) << "new";
    CHECK(contents(final_path) == "old");
    partial.commit();
    CHECK(partial.committed());
    partial.commit();  // a second commit is a no-op
  }
  CHECK(contents(final_path) == "new");
  CHECK_FALSE(fs::exists(finsim::partial_path_for(final_path, ::getpid())));
}

TEST_CASE("PartialFile without commit leaves neither file", "[hdf5][atomic]") {
  TempDir dir("abandon");
  auto final_path = dir.path / "run.h5";
  {
    PartialFile partial(final_path);
    std::ofstream(partial.partial_path()) << "half";
    partial.discard();
    partial.discard();  // safe to repeat, e.g. from a signal path and then the destructor
    std::ofstream(partial.partial_path()) << "half again";
  }
  CHECK_FALSE(fs::exists(final_path));
  CHECK_FALSE(fs::exists(finsim::partial_path_for(final_path, ::getpid())));
}

TEST_CASE("PartialFile moves hand over the partial file", "[hdf5][atomic]") {
  TempDir dir("move");
  auto final_path = dir.path / "run.h5";
  PartialFile outer(dir.path / "other.h5");
  {
    PartialFile inner(final_path);
    std::ofstream(inner.partial_path()) << "x";
    outer = std::move(inner);
  }  // the moved-from inner must not delete what outer now owns
  CHECK(fs::exists(outer.partial_path()));
  outer.commit();
  CHECK(contents(final_path) == "x");
}

TEST_CASE("PartialFile commit without a partial file names the file", "[hdf5][atomic]") {
  TempDir dir("nofile");
  PartialFile partial(dir.path / "run.h5");
  CHECK_THROWS_AS(partial.commit(), std::runtime_error);
  CHECK_THROWS_WITH(partial.commit(),
                    Catch::Contains((dir.path / "run.h5").string()) && Catch::Contains("No such file or directory"));
  CHECK_FALSE(partial.committed());
}

TEST_CASE("PartialFile create removes only the temporaries of processes that are gone", "[hdf5][atomic]") {
  TempDir dir("stale");
  const auto final_path = dir.path / "run.h5";
  // A live process's temporary (our parent's PID: alive while we run) and a dead one's.
  const auto alive = finsim::partial_path_for(final_path, ::getppid());
  pid_t dead_pid = ::fork();
  if (dead_pid == 0) ::_exit(0);
  REQUIRE(dead_pid > 0);
  int status = 0;
  ::waitpid(dead_pid, &status, 0);  // reaped: the PID no longer exists
  const auto dead = finsim::partial_path_for(final_path, dead_pid);
  const auto other_name = finsim::partial_path_for(dir.path / "other.h5", dead_pid);
  for (const auto& p : {alive, dead, other_name}) std::ofstream(p) << "x";

  PartialFile partial(final_path);
  partial.create();
  CHECK(fs::exists(partial.partial_path()));
  CHECK(fs::exists(alive));       // another run still writing: never touched
  CHECK_FALSE(fs::exists(dead));  // left by a killed run: cleaned up
  CHECK(fs::exists(other_name));  // another result file's temporary: not ours to judge
}

TEST_CASE("PartialFile create removes the temporary of a process that exited but is not yet reaped", "[hdf5][atomic]") {
  // A killed MPI rank whose mpirun has gone stays a zombie until something reaps it; it holds its
  // PID (kill(pid, 0) succeeds) but will never finish its temporary.
  TempDir dir("zombie");
  const auto final_path = dir.path / "run.h5";
  pid_t zombie = ::fork();
  if (zombie == 0) ::_exit(0);
  REQUIRE(zombie > 0);
  siginfo_t info{};
  REQUIRE(::waitid(P_PID, static_cast<id_t>(zombie), &info, WEXITED | WNOWAIT) == 0);  // exited, not reaped
  REQUIRE(::kill(zombie, 0) == 0);
  const auto left = finsim::partial_path_for(final_path, zombie);
  std::ofstream(left) << "x";

  PartialFile partial(final_path);
  partial.create();
  CHECK_FALSE(fs::exists(left));
  int status = 0;
  ::waitpid(zombie, &status, 0);
}
