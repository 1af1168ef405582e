// Write-then-rename for result files: readers never see a half-written NAME, only NAME.partial.PID,
// and a run that fails or is interrupted leaves no file that looks complete.
#pragma once
#include <filesystem>
#include <string>

namespace finsim {

// "NAME.partial.PID": the temporary of the process `pid` for the result file NAME.
std::filesystem::path partial_path_for(const std::filesystem::path& final_path, long pid);

// Owns NAME.partial.PID (PID = this process) until commit() turns it into NAME. Without a commit
// the destructor removes the partial file. The PID keeps concurrent runs to one NAME apart: each
// writes and removes only its own temporary, and the last rename wins with a complete file.
// Not copyable: exactly one owner decides the file's fate.
class PartialFile {
 public:
  explicit PartialFile(std::filesystem::path final_path);
  PartialFile(PartialFile&& other) noexcept;
  PartialFile& operator=(PartialFile&& other) noexcept;
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;
  ~PartialFile() { discard(); }

  const std::filesystem::path& final_path() const { return final_; }
  const std::filesystem::path& partial_path() const { return partial_; }
  bool committed() const { return committed_; }

  // Syncs the partial file to disk, renames it over NAME and syncs the directory, so that after
  // a crash NAME is either the old file or the complete new one. The writer must have closed it.
  // Then removes NAME.partial.PID files of processes that are gone by now (as create() does).
  // Throws std::runtime_error naming the file.
  void commit();

  // Creates the partial file exclusively (O_EXCL), after removing NAME.partial.PID files left by
  // processes of this machine that no longer exist (a SIGKILL, a power cut). Throws
  // std::system_error with the errno of the failing open.
  void create();

  // Removes the partial file unless committed. Idempotent, never throws, and uses only unlink(),
  // so a CLI's signal-handling path may call it too.
  void discard() noexcept;

 private:
  std::filesystem::path final_;
  std::filesystem::path partial_;
  bool committed_ = false;
};

}  // namespace finsim
