// Writing a file so that nothing is lost (issue 12): the bytes go to a
// temporary file in the same folder, are flushed to disk, and the temporary
// is renamed over the target. A reader sees the earlier file or the whole new
// one, never half of it; on any failure the earlier file is left as it was
// and no temporary stays behind.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace baton {

// A file that could not be written. what() is one line naming the file and
// the operating system's reason: "out.bpmn: cannot write: No space left on device".
class OutputError : public std::runtime_error {
 public:
  OutputError(const std::filesystem::path& file, const std::string& reason);
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
};

// Writes `bytes` to `path` atomically (see above). The new file gets the
// permissions a plain create would give (0666 less the umask). Throws
// OutputError.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

namespace detail {
// For tests: when set, the n-th write(2) of the data (1-based) fails with
// this errno, as a full disk would. 0 turns it off. Not thread-safe.
void fail_output_write(int nth, int error_number);
}  // namespace detail

}  // namespace baton
