// Reading a large BPMN file and running every check on it (issue 8, item 6):
// a generated workflow of N work steps written by baton's BPMN writer, then
// read back and checked in a fresh process, so that the peak memory is that
// of reading and checking alone. Times are wall seconds, CPU seconds in
// parentheses.
//   bench_bpmn [STEPS] [FILE]          write FILE (default: a temporary file), then measure
//   bench_bpmn --read FILE             measure reading + every check of FILE
//   bench_bpmn --diagram STEPS FILE    write with the diagram (Graphviz layout), timed
#include "generator.hpp"
#include "measure.hpp"

#include <baton/bpmn.hpp>
#include <baton/check.hpp>
#include <baton/json.hpp>
#include <baton/load.hpp>
#include <baton/registry.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

void write_file(const char* path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", path);
    std::exit(2);
  }
}

std::size_t count(const std::string& text, const char* needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// CPU seconds (user + system) the process has used: on a shared machine
// the wall time also counts the time other processes had the cores.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(usage.ru_utime) + s(usage.ru_stime);
}

// Reads FILE as a user's `baton check FILE.bpmn` does, then runs every check.
int measure_read(const char* path) {
  const double cpu_start = cpu_seconds();
  std::shared_ptr<const baton::Workflow> wf;
  const double read = baton::bench::seconds([&] { wf = baton::read_workflow_file(path).workflow; });
  const auto bytes_size = std::filesystem::file_size(path);
  baton::CheckOptions options;
  options.today = baton::Date::parse("2026-11-24");
  std::size_t findings = 0;
  const double cpu_read = cpu_seconds() - cpu_start;
  const double checks = baton::bench::seconds([&] { findings = baton::run_checks(*wf, options).findings.size(); });
  const double cpu_all = cpu_seconds() - cpu_start;
  std::printf("| %zu | %zu | %.1f | %.3f (%.3f) | %.3f (%.3f) | %.3f (%.3f) | %zu | %ld |\n", wf->steps().size(),
              wf->transitions().size(), static_cast<double>(bytes_size) / 1e6, read, cpu_read, checks,
              cpu_all - cpu_read, read + checks, cpu_all, findings, baton::bench::peak_rss_mib());
  return 0;
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc == 3 && std::strcmp(argv[1], "--read") == 0) return measure_read(argv[2]);
  if (argc == 4 && std::strcmp(argv[1], "--diagram") == 0) {
    const auto wf = baton::load_workflow(baton::bench::generate_workflow(std::strtoull(argv[2], nullptr, 10), 42));
    std::string bpmn;
    const double t = baton::bench::seconds([&] { bpmn = baton::to_bpmn(*wf); });
    write_file(argv[3], bpmn);
    std::printf("%zu steps written with diagram in %.2f s (%.1f MB)\n", wf->steps().size(), t,
                static_cast<double>(bpmn.size()) / 1e6);
    return 0;
  }
  const std::size_t steps = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100'000;
  std::string path = argc > 2 ? argv[2] : "";
  if (path.empty()) {
    char name[] = "/tmp/bench_bpmn_XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) return 2;
    close(fd);
    path = name;
  }
  {
    const auto wf = baton::load_workflow(baton::bench::generate_workflow(steps, 42));
    // Without the diagram: Graphviz lays out some thousand nodes at most in
    // reasonable time (shared/notes/swimlanes.md).
    std::string bpmn;
    const double t = baton::bench::seconds([&] { bpmn = baton::to_bpmn(*wf, {.diagram = false}); });
    write_file(path.c_str(), bpmn);
    std::printf("written %s: %zu tasks, %zu gateways, %zu lanes, %.1f MB in %.2f s\n\n", path.c_str(),
                count(bpmn, "<bpmn:task "), count(bpmn, "Gateway "), count(bpmn, "<bpmn:lane "),
                static_cast<double>(bpmn.size()) / 1e6, t);
  }
  std::printf("| steps | transitions | BPMN (MB) | read (s) | all checks (s) | read + checks (s) | findings | peak RSS (MiB) |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::fflush(stdout);
  // A fresh process, so that the peak memory is the reading's and checking's.
  const pid_t child = fork();
  if (child == 0) {
    execl("/proc/self/exe", argv[0], "--read", path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  if (argc <= 2) std::remove(path.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_bpmn: %s\n", e.what());
  return 2;
}
