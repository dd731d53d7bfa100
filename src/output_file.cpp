#include <baton/output_file.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace baton {

OutputError::OutputError(const std::filesystem::path& file, const std::string& reason)
    : std::runtime_error(file.string() + ": " + reason), file_(file) {}

namespace {

int injected_nth = 0, injected_errno = 0, writes_seen = 0;

ssize_t write_some(int fd, const char* data, std::size_t size) {
  if (injected_nth > 0 && ++writes_seen == injected_nth) {
    errno = injected_errno;
    return -1;
  }
  return ::write(fd, data, size);
}

[[noreturn]] void fail(const std::filesystem::path& path, const char* doing, int error_number) {
  throw OutputError(path, std::string("cannot ") + doing + ": " + std::strerror(error_number));
}

// The temporary file: open, and removed again unless release()d.
class Temporary {
 public:
  explicit Temporary(const std::filesystem::path& target) {
    // A name no other writer uses: the target's, a dot in front (hidden from
    // folder listings), and a random suffix; O_EXCL refuses a clash.
    std::random_device random;
    for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
      path_ = target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(random()));
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ < 0 && errno != EEXIST) fail(target, "create a file in its folder", errno);
    }
    if (fd_ < 0) fail(target, "create a temporary file in its folder", EEXIST);
  }
  ~Temporary() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;

  int fd() const { return fd_; }
  const std::filesystem::path& path() const { return path_; }
  // Closes the file, reporting what close says (NFS reports write errors here).
  int close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }
  void release() { path_.clear(); }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  if (path.filename().empty()) throw OutputError(path, "cannot write: the path names a folder, not a file");
  Temporary temporary(path);
  writes_seen = 0;
  while (!bytes.empty()) {
    const ssize_t n = write_some(temporary.fd(), bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(path, "write", n < 0 ? errno : EIO);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  if (::fsync(temporary.fd()) != 0) fail(path, "write (flushing to disk)", errno);
  if (temporary.close() != 0) fail(path, "write (closing)", errno);
  if (::rename(temporary.path().c_str(), path.c_str()) != 0) fail(path, "replace the file", errno);
  temporary.release();
  // The rename itself is durable only once the folder is flushed; a failure
  // here loses nothing already written, so it is not reported.
  const std::filesystem::path folder = path.parent_path().empty() ? "." : path.parent_path();
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

namespace detail {
void fail_output_write(int nth, int error_number) {
  injected_nth = nth;
  injected_errno = error_number;
  writes_seen = 0;
}
}  // namespace detail

}  // namespace baton
