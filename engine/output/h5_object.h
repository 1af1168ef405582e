// HDF5 files and groups as owned objects: create or open a file, walk and create groups, list
// their members and read or write attributes; every error names the file and the object's path.
#pragma once
#include <hdf5.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "output/h5_attribute.h"
#include "output/h5_fault_guard.h"
#include "output/h5_handle.h"

namespace finsim::h5 {

using Shape = std::vector<std::size_t>;

enum class Kind { group, dataset, other };

struct Child {
  std::string name;
  Kind kind = Kind::other;
};

class Group {
 public:
  Group(detail::Handle id, std::string file, std::string path)
      : id_(std::move(id)), file_(std::move(file)), path_(std::move(path)) {}

  // Creates missing groups along a relative path such as "scenarios/baseline".
  Group create_group(std::string_view path) const;
  Group open_group(std::string_view path) const;
  bool has(std::string_view name) const;
  std::vector<Child> children() const;

  // "." names the group itself; any other name is a child object (usually a dataset).
  void set_attribute(std::string_view name, const AttrValue& value) const;
  void set_attribute(std::string_view object, std::string_view name, const AttrValue& value) const;
  std::vector<Attribute> attributes(std::string_view object = ".") const;
  AttrValue attribute(std::string_view object, std::string_view name) const;
  bool has_attribute(std::string_view object, std::string_view name) const;

  hid_t id() const { return id_.get(); }
  const std::string& file_name() const { return file_; }
  const std::string& path() const { return path_; }  // absolute, "/" for the root
  std::string path_of(std::string_view child) const;

 private:
  detail::Handle id_;
  std::string file_;
  std::string path_;
};

class File {
 public:
  // Truncates an existing file. The caller usually passes a PartialFile's partial_path().
  static File create(const std::filesystem::path& path);
  static File open_read(const std::filesystem::path& path);

  Group root() const;
  Group create_group(std::string_view path) const { return root().create_group(path); }
  Group open_group(std::string_view path) const { return root().open_group(path); }

  // Flushes and closes, reporting write errors (the destructor has to swallow them).
  // Groups of this file should be destroyed first so that HDF5 really closes the file.
  void close();
  const std::string& name() const { return name_; }

 private:
  File(detail::Handle id, std::string name) : id_(std::move(id)), name_(std::move(name)) {}
  detail::ReadFaultGuard guard_;  // files opened for reading; declared first so it ends after the close
  detail::Handle id_;
  std::string name_;
  bool writable_ = false;
};

namespace detail {

// "/a" + "b" = "/a/b"; "." or "" names the parent itself.
std::string join(const std::string& parent, std::string_view child);
std::string last_component(const std::string& path);
// Whether every link along a relative path exists.
bool exists(hid_t location, std::string_view path);
Kind kind_of(hid_t object);
Handle open_object(const Group& group, std::string_view name);
// InputError unless `name` is a dataset.
Handle open_dataset(const Group& group, std::string_view name);
Shape shape_of(hid_t dataset);
std::size_t element_count(const Shape& shape);

}  // namespace detail
}  // namespace finsim::h5
