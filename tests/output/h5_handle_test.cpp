// Specification of the bottom of the HDF5 layer (engine/output/h5_handle.h): a Handle closes its
// identifier exactly once, and HDF5 failures become exceptions naming the file and object path.
#include "output/h5_handle.h"

#include <catch2/catch.hpp>
#include <string>

#include "util/error.h"

using namespace finsim;
using finsim::h5::detail::Handle;

namespace {

// A dataspace is the cheapest HDF5 object to own; H5Iis_valid tells whether it is still open.
hid_t new_space() { return H5Screate(H5S_SCALAR); }

}  // namespace

TEST_CASE("a Handle closes its identifier when it goes out of scope", "[hdf5][h5_handle]") {
  hid_t id;
  {
    Handle space(new_space(), H5Sclose);
    id = space.get();
    CHECK(H5Iis_valid(id) > 0);
  }
  CHECK(H5Iis_valid(id) <= 0);
}

TEST_CASE("a moved Handle is closed once, by its new owner", "[hdf5][h5_handle]") {
  Handle first(new_space(), H5Sclose);
  const hid_t id = first.get();
  Handle second(std::move(first));
  CHECK(first.get() == H5I_INVALID_HID);  // NOLINT(bugprone-use-after-move): the moved-from state is specified
  CHECK(second.get() == id);
  Handle third;
  third = std::move(second);
  CHECK(H5Iis_valid(id) > 0);
  CHECK(third.close());
  CHECK(H5Iis_valid(id) <= 0);
  CHECK(third.close());  // closing an empty handle succeeds and does nothing
}

TEST_CASE("assigning to a Handle closes what it held before", "[hdf5][h5_handle]") {
  Handle a(new_space(), H5Sclose);
  const hid_t old_id = a.get();
  a = Handle(new_space(), H5Sclose);
  CHECK(H5Iis_valid(old_id) <= 0);
  CHECK(H5Iis_valid(a.get()) > 0);
}

TEST_CASE("release hands the identifier over without closing it", "[hdf5][h5_handle]") {
  Handle a(new_space(), H5Sclose);
  const hid_t id = a.release();
  CHECK(a.get() == H5I_INVALID_HID);
  CHECK(H5Iis_valid(id) > 0);
  H5Sclose(id);
}

TEST_CASE("a failed HDF5 call becomes an exception naming file, object and reason", "[hdf5][h5_handle]") {
  h5::detail::prepare_library();
  // Closing an identifier that is no dataspace fails inside HDF5 and leaves a message on its stack.
  const herr_t failed = H5Sclose(H5I_INVALID_HID);
  REQUIRE(failed < 0);
  CHECK_THROWS_AS(h5::detail::written(H5Sclose(H5I_INVALID_HID), "out.h5", "/scenarios/a", "close"),
                  std::runtime_error);
  CHECK_THROWS_WITH(h5::detail::written(H5Sclose(H5I_INVALID_HID), "out.h5", "/scenarios/a", "close"),
                    Catch::StartsWith("out.h5: /scenarios/a: cannot close: "));
  // Reading: the same failure in a user's file is bad input (exit 2).
  CHECK_THROWS_AS(h5::detail::read_ok(H5Sclose(H5I_INVALID_HID), "in.h5", "/x", "read"), InputError);
  CHECK_THROWS_WITH(h5::detail::read_ok(H5Sclose(H5I_INVALID_HID), "in.h5", "/x", "read"),
                    Catch::StartsWith("in.h5: /x: cannot read: "));
  CHECK(h5::detail::written(herr_t{0}, "out.h5", "/", "write") == 0);
}

TEST_CASE("the error text is one line: the OS's words where HDF5 recorded them", "[hdf5][h5_handle]") {
  h5::detail::ErrorStack stack;
  stack.messages = {"unable to create file",
                    "unable to open file: name = 'x.h5', errno = 2, error message = "
                    "'No such file or directory', flags = 13"};
  CHECK(h5::detail::reason(stack) == "No such file or directory");
  CHECK_FALSE(h5::detail::disk_full(stack));
  stack.messages = {"outer", "innermost"};
  CHECK(h5::detail::reason(stack) == "innermost");
  CHECK(h5::detail::reason({}) == "unknown HDF5 error");
  stack.messages = {"file write failed: errno = 28, error message = 'No space left on device'"};
  CHECK(h5::detail::disk_full(stack));
  stack.messages = {"write failed: errno = 122, error message = 'Disk quota exceeded'"};
  CHECK(h5::detail::disk_full(stack));
  stack.messages = {"unable to lock file, errno = 11"};
  CHECK(h5::detail::file_locked(stack));
}

TEST_CASE("a failed close leaves HDF5's reason for the caller's message, and a failed reset clears it",
          "[hdf5][h5_handle]") {
  h5::detail::prepare_library();
  // A dataspace closed as a dataset: HDF5 refuses and says why on its error stack.
  const hid_t space = new_space();
  {
    Handle wrong(space, H5Dclose);
    REQUIRE_FALSE(wrong.close());
    // The message a caller builds (finish(), File::close) names HDF5's reason, not "unknown".
    const auto error = h5::detail::write_error("out.h5", "/scenarios/a/x", "close dataset");
    CHECK_THAT(std::string(error.what()), Catch::StartsWith("out.h5: /scenarios/a/x: cannot close dataset: "));
    CHECK_THAT(std::string(error.what()), !Catch::EndsWith("unknown HDF5 error"));
    CHECK(h5::detail::current_stack().messages.empty());  // read once
  }
  {
    Handle wrong(space, H5Dclose);
    wrong.reset();  // nobody reads the reason on this path (a destructor): nothing is left behind
    CHECK(h5::detail::current_stack().messages.empty());
  }
  H5Sclose(space);
}
