// write_file_atomically: the new bytes or the earlier file, never half, and
// no temporary left behind (issue 12, "nothing lost on output").
#include <baton/output_file.hpp>

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using baton::OutputError;
using baton::write_file_atomically;

namespace {

// A fresh folder for one test, removed (with write permission given back) at the end.
struct Folder {
  fs::path path;
  Folder() {
    path = fs::temp_directory_path() / ("baton-output-" + std::to_string(::getpid()) + "-" + std::to_string(++made));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Folder() {
    std::error_code ignored;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(path, ignored);
  }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), fs::directory_iterator()));
  }
  static inline int made = 0;
};

std::string contents(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string failure(const fs::path& p, std::string_view bytes) {
  try {
    write_file_atomically(p, bytes);
  } catch (const OutputError& e) {
    CHECK(e.file() == p);
    return e.what();
  }
  FAIL("written: " << p);
  return {};
}

}  // namespace

TEST_CASE("a file is written whole and replaces the earlier one", "[output]") {
  Folder folder;
  const fs::path file = folder.path / "ud.json";
  write_file_atomically(file, "first");
  CHECK(contents(file) == "first");
  const std::string big(3 << 20, 'x');  // more than one write(2) may take
  write_file_atomically(file, big);
  CHECK(contents(file) == big);
  write_file_atomically(file, "");
  CHECK(contents(file).empty());
  CHECK(folder.entries() == 1);  // no temporary left
}

TEST_CASE("a missing parent folder is one line naming the file", "[output]") {
  Folder folder;
  const fs::path file = folder.path / "no-such-folder" / "ud.json";
  const std::string what = failure(file, "x");
  CHECK(what == file.string() + ": cannot create a file in its folder: No such file or directory");
  CHECK(what.find('\n') == std::string::npos);
  CHECK(folder.entries() == 0);
}

TEST_CASE("an unwritable folder leaves the earlier file intact", "[output]") {
  Folder folder;
  const fs::path file = folder.path / "ud.json";
  write_file_atomically(file, "earlier");
  fs::permissions(folder.path, fs::perms::owner_read | fs::perms::owner_exec, fs::perm_options::replace);
  if (::access(folder.path.c_str(), W_OK) == 0) {
    // root ignores folder permissions: show the refusal on a folder even
    // root cannot create files in, where the machine has one.
    fs::permissions(folder.path, fs::perms::owner_all, fs::perm_options::replace);
    WARN("running as root: the read-only folder is /sys, where even root cannot create files");
    try {
      write_file_atomically("/sys/baton-ud.json", "new");
      fs::remove("/sys/baton-ud.json");
      WARN("/sys took a file: no read-only folder on this machine");
    } catch (const OutputError& e) {
      CHECK(std::string(e.what()).rfind("/sys/baton-ud.json: cannot create a file in its folder: ", 0) == 0);
    }
    return;
  }
  const std::string what = failure(file, "new");
  CHECK(what.find(file.string() + ": cannot create a file in its folder: Permission denied") == 0);
  fs::permissions(folder.path, fs::perms::owner_all, fs::perm_options::replace);
  CHECK(contents(file) == "earlier");
  CHECK(folder.entries() == 1);
}

// A folder holding one earlier file, "ud.json"; `intact()` says whether it
// is all the folder holds and still says "earlier".
struct Earlier : Folder {
  fs::path file = path / "ud.json";
  Earlier() { write_file_atomically(file, "earlier"); }
  bool intact() const { return contents(file) == "earlier" && entries() == 1; }
};

TEST_CASE("a parent that is a file, not a folder, is refused and left as it was", "[output]") {
  Earlier folder;
  const fs::path inner = folder.file / "inner.json";
  CHECK(failure(inner, "x") == inner.string() + ": cannot create a file in its folder: Not a directory");
  CHECK(folder.intact());
}

TEST_CASE("a full disk while writing leaves the earlier file intact and no temporary", "[output]") {
  Earlier folder;
  for (const int error_number : {ENOSPC, EIO}) {
    baton::detail::fail_output_write(1, error_number);
    const std::string what = failure(folder.file, "new bytes");
    baton::detail::fail_output_write(0, 0);
    CHECK(what == folder.file.string() + ": cannot write: " + std::strerror(error_number));
    CHECK(folder.intact());
  }
}

TEST_CASE("the target being a folder is refused, the folder untouched", "[output]") {
  Folder folder;
  fs::create_directory(folder.path / "sub");
  fs::path file = folder.path / "sub";
  const std::string what = failure(file, "x");
  CHECK(what.find(file.string() + ": cannot replace the file: ") == 0);
  CHECK(fs::is_directory(file));
  CHECK(folder.entries() == 1);
  CHECK(failure(folder.path / "sub" / "", "x").find("names a folder") != std::string::npos);
}
