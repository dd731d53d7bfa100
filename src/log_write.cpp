// Writing event logs: XES and CSV, plain or gzip, case by case, so that a
// simulated log of a million cases is never held whole; and the ground truth
// of a simulation beside it. Files are written in one place (OutputFile).
#include <baton/simulate.hpp>

#include <date/tz.h>
#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace baton {
namespace {

// A file written in pieces, gzip-compressed when its name ends in ".gz".
// The pieces go to a temporary beside it, renamed over the target by
// close(): as write_file_atomically does for whole files (issue 12), a
// reader never sees half a log, and a failure leaves no temporary behind.
class OutputFile {
 public:
  explicit OutputFile(const std::filesystem::path& path)
      : name_(path.string()), target_(path), temporary_(path.string() + ".part") {
    if (path.extension() == ".gz") {
      gz_ = gzopen(temporary_.c_str(), "wb6");
      if (!gz_) fail("cannot create the file");
      gzbuffer(gz_, 1 << 17);
    } else {
      plain_.open(temporary_, std::ios::binary | std::ios::trunc);
      if (!plain_) fail("cannot create the file");
    }
  }
  ~OutputFile() {
    if (gz_) gzclose(gz_);
    if (!closed_) {
      plain_.close();
      std::error_code ignored;
      std::filesystem::remove(temporary_, ignored);
    }
  }
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  void write(std::string_view bytes) {
    buffer_ += bytes;
    if (buffer_.size() >= (1u << 16)) flush();
  }
  void close() {
    flush();
    if (gz_) {
      const int status = gzclose(gz_);
      gz_ = nullptr;
      if (status != Z_OK) fail("cannot write the file");
    } else {
      plain_.close();
      if (!plain_) fail("cannot write the file");
    }
    std::error_code error;
    std::filesystem::rename(temporary_, target_, error);
    if (error) fail(("cannot write the file: " + error.message()).c_str());
    closed_ = true;
  }

 private:
  void flush() {
    if (buffer_.empty()) return;
    if (gz_) {
      if (gzwrite(gz_, buffer_.data(), static_cast<unsigned>(buffer_.size())) != static_cast<int>(buffer_.size()))
        fail("cannot write the file");
    } else {
      plain_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
      if (!plain_) fail("cannot write the file");
    }
    buffer_.clear();
  }
  [[noreturn]] void fail(const char* what) const { throw std::runtime_error(name_ + ": " + what); }

  std::string name_;
  std::filesystem::path target_, temporary_;
  bool closed_ = false;
  gzFile gz_ = nullptr;
  std::ofstream plain_;
  std::string buffer_;
};

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// "2026-03-29T09:30:00.000+02:00": local time in the zone, with its offset.
class TimeWriter {
 public:
  explicit TimeWriter(const std::string& zone) : zone_(date::locate_zone(zone)) {}
  std::string operator()(std::int64_t ms) const {
    using namespace std::chrono;
    const sys_time<milliseconds> t{milliseconds(ms)};
    const date::sys_info info = zone_->get_info(t);
    const auto local = t + info.offset;
    const auto day = floor<date::days>(local);
    const date::year_month_day ymd{day};
    const auto time = local - day;
    const auto h = duration_cast<hours>(time);
    const auto m = duration_cast<minutes>(time - h);
    const auto s = duration_cast<seconds>(time - h - m);
    const auto f = duration_cast<milliseconds>(time - h - m - s);
    const auto off = duration_cast<minutes>(info.offset).count();
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03d%c%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(h.count()),
                  static_cast<int>(m.count()), static_cast<int>(s.count()), static_cast<int>(f.count()),
                  off < 0 ? '-' : '+', static_cast<int>(std::abs(off) / 60), static_cast<int>(std::abs(off) % 60));
    return buf;
  }

 private:
  const date::time_zone* zone_;
};

const char* lifecycle_name(Lifecycle l) {
  return l == Lifecycle::start ? "start" : l == Lifecycle::complete ? "complete" : "other";
}

bool ends_with(const std::string& s, std::string_view suffix) { return s.ends_with(suffix); }

}  // namespace

std::filesystem::path truth_path_for(const std::filesystem::path& log) {
  std::string name = log.filename().string();
  for (std::string_view suffix : {".gz", ".xes", ".csv"})
    if (ends_with(name, suffix)) name.resize(name.size() - suffix.size());
  return log.parent_path() / (name + ".truth.csv");
}

SimulationFiles simulate_to_files(const Workflow& workflow, const SimulateOptions& options,
                                  const std::filesystem::path& log_path, const std::filesystem::path& truth_path) {
  std::string name = log_path.filename().string();
  if (ends_with(name, ".gz")) name.resize(name.size() - 3);
  const bool xes = ends_with(name, ".xes");
  if (!xes && !ends_with(name, ".csv"))
    throw std::runtime_error(log_path.string() + ": the log's name must end in .xes, .xes.gz, .csv or .csv.gz");
  const TimeWriter time(options.time_zone);
  OutputFile log(log_path), truth(truth_path);
  truth.write("case_id,deviation,step,requirement,detail\n");
  if (xes) {
    log.write(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<log xes.version=\"1849-2016\" xes.features=\"nested-attributes\" xmlns=\"http://www.xes-standard.org/\">\n"
        "  <extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\"/>\n"
        "  <extension name=\"Time\" prefix=\"time\" uri=\"http://www.xes-standard.org/time.xesext\"/>\n"
        "  <extension name=\"Lifecycle\" prefix=\"lifecycle\" uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>\n"
        "  <extension name=\"Organizational\" prefix=\"org\" uri=\"http://www.xes-standard.org/org.xesext\"/>\n"
        "  <global scope=\"event\">\n    <string key=\"lifecycle:transition\" value=\"complete\"/>\n  </global>\n"
        "  <classifier name=\"Activity\" keys=\"concept:name\"/>\n"
        "  <string key=\"concept:name\" value=\"" + xml_escaped(workflow.name()) + " (simulated)\"/>\n");
  } else {
    log.write("case_id,activity,timestamp,lifecycle,resource,team,case_type\n");
  }
  SimulationFiles counts;
  std::string out;
  simulate(workflow, options, [&](const LogCase& c, const std::vector<InjectedDeviation>& deviations) {
    out.clear();
    if (xes) {
      out += "  <trace>\n    <string key=\"concept:name\" value=\"" + xml_escaped(c.id) + "\"/>\n";
      if (!c.case_type.empty()) out += "    <string key=\"case_type\" value=\"" + xml_escaped(c.case_type) + "\"/>\n";
      for (const LogEvent& e : c.events) {
        out += "    <event>\n      <string key=\"concept:name\" value=\"" + xml_escaped(e.activity) + "\"/>\n";
        if (e.lifecycle != Lifecycle::complete)
          out += std::string("      <string key=\"lifecycle:transition\" value=\"") + lifecycle_name(e.lifecycle) +
                 "\"/>\n";
        if (!e.resource.empty()) out += "      <string key=\"org:resource\" value=\"" + xml_escaped(e.resource) + "\"/>\n";
        if (!e.team.empty()) out += "      <string key=\"org:group\" value=\"" + xml_escaped(e.team) + "\"/>\n";
        out += "      <date key=\"time:timestamp\" value=\"" + time(e.time_ms) + "\"/>\n    </event>\n";
      }
      out += "  </trace>\n";
    } else {
      for (const LogEvent& e : c.events) {
        out += csv_field(c.id) + ',' + csv_field(e.activity) + ',' + time(e.time_ms) + ',' +
               lifecycle_name(e.lifecycle) + ',' + csv_field(e.resource) + ',' + csv_field(e.team) + ',' +
               csv_field(c.case_type) + '\n';
      }
    }
    log.write(out);
    ++counts.cases;
    counts.events += c.events.size();
    for (const InjectedDeviation& d : deviations) {
      truth.write(csv_field(d.case_id) + ',' + d.deviation + ',' + csv_field(d.step) + ',' + csv_field(d.requirement) +
                  ',' + csv_field(d.detail) + '\n');
      ++counts.deviations;
    }
  });
  if (xes) log.write("</log>\n");
  log.close();
  truth.close();
  return counts;
}

}  // namespace baton
