// BPMN 2.0 reader (shared/spec/bpmn.md "Reading", docs/bpmn.md). It builds
// a format-v1 document and has the JSON loader check it, so every rule of the
// format lives in one home; a breach the loader finds is told back in terms
// of the BPMN element it came from. Elements are matched by namespace URI,
// never by prefix (pugixml knows no namespaces: see Names).
#include <baton/bpmn.hpp>

#include "json_loader.hpp"
#include "utf8.hpp"

#include <boost/json.hpp>
#include <pugixml.hpp>

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace json = boost::json;

namespace baton {
namespace {

// --- text: encodings, lines and columns --------------------------------------

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

[[noreturn]] void refuse(std::string_view file, LoadError::Kind kind, int line, int column, std::string message) {
  throw LoadError(kind, std::string(file), "", line, column, std::move(message));
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// The encoding the XML declaration names ("" when it names none).
std::string declared_encoding(std::string_view bytes) {
  if (!bytes.starts_with("<?xml")) return {};
  const std::string_view decl = bytes.substr(0, bytes.find("?>"));
  const std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  const std::size_t open = decl.find_first_of("\"'", at);
  if (open == std::string_view::npos) return {};
  const std::size_t close = decl.find(decl[open], open + 1);
  if (close == std::string_view::npos) return {};
  return std::string(decl.substr(open + 1, close - open - 1));
}

std::string convert(std::string_view bytes, const char* from, std::string_view file) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1))
    refuse(file, LoadError::Kind::parse, 1, 1, std::string("the encoding ") + from + " cannot be read here");
  std::string out(bytes.size() * 3 + 4, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size(), out_left = out.size();
  char* to = out.data();
  const std::size_t r = iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1))
    refuse(file, LoadError::Kind::parse, 0, 0,
           std::string("byte ") + std::to_string(bytes.size() - in_left) + " is no valid " + from + " text");
  out.resize(out.size() - out_left);
  return out;
}

// Line and column (1-based, column in characters) of byte offsets in UTF-8.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
      starts_.push_back(i + 1);
  }
  std::pair<int, int> at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const int line = static_cast<int>(next - starts_.begin());
    // Places are asked for mostly in document order: counting on from the
    // last one keeps a file written on one line from costing quadratic time.
    std::size_t from = *(next - 1);
    int column = 1;
    if (line == last_line_ && offset >= last_offset_) {
      from = last_offset_;
      column = last_column_;
    }
    for (std::size_t i = from; i < offset; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    last_line_ = line;
    last_offset_ = offset;
    last_column_ = column;
    return {line, column};
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  mutable int last_line_ = 0, last_column_ = 1;
  mutable std::size_t last_offset_ = 0;
};

// The document as UTF-8, whatever it was written in.
std::string to_utf8(std::string_view bytes, std::string_view file) {
  if (bytes.starts_with("\xFF\xFE")) return convert(bytes.substr(2), "UTF-16LE", file);
  if (bytes.starts_with("\xFE\xFF")) return convert(bytes.substr(2), "UTF-16BE", file);
  if (bytes.size() >= 2 && bytes[0] == '<' && bytes[1] == '\0') return convert(bytes, "UTF-16LE", file);
  if (bytes.size() >= 2 && bytes[0] == '\0' && bytes[1] == '<') return convert(bytes, "UTF-16BE", file);
  if (bytes.starts_with(utf8_bom)) bytes.remove_prefix(utf8_bom.size());
  const std::string written = declared_encoding(bytes), enc = lower(written);
  if (enc == "iso-8859-1" || enc == "latin1" || enc == "iso_8859-1" || enc == "latin-1")
    return convert(bytes, "ISO-8859-1", file);
  if (enc == "windows-1252" || enc == "cp1252") return convert(bytes, "WINDOWS-1252", file);
  if (!enc.empty() && enc != "utf-8" && enc != "utf8" && enc != "us-ascii" && enc != "ascii")
    refuse(file, LoadError::Kind::parse, 1, 1,
           "the encoding \"" + written + "\" is not read (UTF-8, UTF-16, ISO-8859-1 or Windows-1252)");
  if (const std::size_t bad = invalid_utf8(bytes); bad != std::string_view::npos) {
    auto [line, column] = Lines(bytes).at(bad);
    refuse(file, LoadError::Kind::parse, line, column, "invalid UTF-8 in the file");
  }
  return std::string(bytes);
}

// --- names by namespace URI ---------------------------------------------------

enum class Ns { other, bpmn, di, dc, baton, camunda, zeebe };

constexpr std::string_view bpmn_uri = "http://www.omg.org/spec/BPMN/20100524/MODEL";

Ns ns_of_uri(std::string_view uri) {
  if (uri == bpmn_uri) return Ns::bpmn;
  if (uri == "http://www.omg.org/spec/BPMN/20100524/DI") return Ns::di;
  if (uri == "http://www.omg.org/spec/DD/20100524/DC") return Ns::dc;
  if (uri == "urn:baton:bpmn:1") return Ns::baton;
  if (uri == "http://camunda.org/schema/1.0/bpmn") return Ns::camunda;
  if (uri == "http://camunda.org/schema/zeebe/1.0") return Ns::zeebe;
  return Ns::other;
}

std::string_view local_part(std::string_view qname) {
  const auto colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// Resolves prefixes from the xmlns declarations in scope. Siblings share
// their parent's scope, so the answer for a parent is kept while its
// children are looked at.
class Names {
 public:
  Ns element(pugi::xml_node n) const {
    const std::string_view q = n.name();
    const auto colon = q.find(':');
    return resolve(n, colon == std::string_view::npos ? std::string_view{} : q.substr(0, colon));
  }
  bool is(pugi::xml_node n, Ns ns, std::string_view local) const {
    return n.type() == pugi::node_element && local_part(n.name()) == local && element(n) == ns;
  }
  // A prefixed attribute in namespace `ns` (unprefixed ones are in none).
  std::string_view attribute(pugi::xml_node n, Ns ns, std::string_view local) const {
    for (pugi::xml_attribute a : n.attributes()) {
      const std::string_view q = a.name();
      const auto colon = q.find(':');
      if (colon == std::string_view::npos || q.substr(colon + 1) != local) continue;
      if (resolve(n, q.substr(0, colon)) == ns) return a.value();
    }
    return {};
  }
  // Where the root element makes the document's only namespace
  // declarations (as modelling tools and baton write BPMN), a prefix means
  // the same everywhere and is looked up once.
  void assume_root_scope(pugi::xml_node root) { root_ = root; }

  template <class F>
  void each_child(pugi::xml_node n, Ns ns, std::string_view local, F&& f) const {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (is(c, ns, local)) f(c);
  }
  pugi::xml_node child(pugi::xml_node n, Ns ns, std::string_view local) const {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (is(c, ns, local)) return c;
    return {};
  }

 private:
  static std::optional<std::string_view> declared(pugi::xml_node n, std::string_view prefix) {
    for (pugi::xml_attribute a : n.attributes()) {
      const std::string_view q = a.name();
      if (!q.starts_with("xmlns")) continue;
      if (prefix.empty() ? q.size() == 5 : (q.size() == 6 + prefix.size() && q[5] == ':' && q.substr(6) == prefix))
        return std::string_view(a.value());
    }
    return std::nullopt;
  }

  Ns resolve(pugi::xml_node n, std::string_view prefix) const {
    if (prefix == "xml") return Ns::other;
    if (root_) {
      for (const auto& [p, ns] : root_cache_)
        if (p == prefix) return ns;
      const auto uri = declared(root_, prefix);
      root_cache_.emplace_back(prefix, uri ? ns_of_uri(*uri) : Ns::other);
      return root_cache_.back().second;
    }
    if (auto uri = declared(n, prefix)) return ns_of_uri(*uri);
    const pugi::xml_node parent = n.parent();
    if (!parent || parent.type() != pugi::node_element) return Ns::other;
    if (parent != cached_parent_) {
      cached_parent_ = parent;
      cache_.clear();
    }
    for (const auto& [p, ns] : cache_)
      if (p == prefix) return ns;
    Ns found = Ns::other;
    for (pugi::xml_node at = parent; at && at.type() == pugi::node_element; at = at.parent())
      if (auto uri = declared(at, prefix)) {
        found = ns_of_uri(*uri);
        break;
      }
    cache_.emplace_back(prefix, found);
    return found;
  }

  pugi::xml_node root_;  // set: only it declares namespaces
  mutable std::vector<std::pair<std::string_view, Ns>> root_cache_;
  mutable pugi::xml_node cached_parent_;
  mutable std::vector<std::pair<std::string_view, Ns>> cache_;
};

// --- ids ------------------------------------------------------------------------

bool id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-';
}

// Format ids of one list: BPMN ids made into ids, a clash getting _2, _3...
class IdMaker {
 public:
  void reserve(std::string_view id) { used_.emplace(id); }
  std::string make(std::string_view from) {
    std::string base(from.substr(0, 120));
    for (char& c : base)
      if (!id_char(c)) c = '_';
    if (base.empty()) base = "_";
    std::string id = base;
    for (int n = 2; used_.count(id); ++n) id = base + "_" + std::to_string(n);
    used_.insert(id);
    return id;
  }

 private:
  std::unordered_set<std::string> used_;
};

std::string_view trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = s.find_first_not_of(" \t\r\n", i);
    if (b == std::string_view::npos) break;
    auto e = s.find_first_of(" \t\r\n", b);
    if (e == std::string_view::npos) e = s.size();
    out.push_back(s.substr(b, e - b));
    i = e;
  }
  return out;
}

// --- the reader -------------------------------------------------------------------

struct Bounds {
  double x = 0, y = 0, w = 0, h = 0;
  bool contains(double px, double py) const { return px >= x && px <= x + w && py >= y && py <= y + h; }
};

struct Shape {
  Bounds bounds;
  bool has_bounds = false;
  std::string_view expanded;  // isExpanded as written
};

// What a flow node of the process becomes.
enum class NodeType {
  task,        // a task of any kind, callActivity, collapsed subProcess, intermediate event
  start,       // a start event of the process
  end,         // an end event of the process
  gateway,     // exclusive, event-based or parallel gateway (a gateway step)
  inner,       // the start or end event of an expanded subprocess: a gateway step
  boundary,    // a boundary event: a gateway step after the task it is attached to
  subprocess,  // an expanded subprocess: no step of its own, see Ports
};

struct Node {
  pugi::xml_node el;
  std::string_view id;
  NodeType type = NodeType::task;
  Gate gate = Gate::exclusive;  // of a gateway
  int parent = -1;              // the expanded subprocess holding it
  std::optional<std::size_t> step;
  // A gateway the writer drew for a step's split or join (baton:gatewayOf).
  std::string_view gateway_of;
  bool gateway_split = false;
  std::vector<int> children;  // of a subprocess, in document order
  std::vector<int> boundaries;
  std::optional<std::string> duration;  // of a timer
};

struct Edge {
  std::size_t from, to;
  pugi::xml_node flow;  // the sequence flow, or the boundary event
  bool conditional = false, boundary = false;
};

struct StepDraft {
  json::object o;
  pugi::xml_node el;
  std::string_view element;  // its BPMN id
  std::optional<Gate> join, split;
  bool work = true;  // false: a gateway step
  std::optional<std::size_t> team;
  std::optional<std::string> role;
};

struct TeamDraft {
  std::string id, name;
  std::vector<std::string> roles;
  pugi::xml_node el;
};

class Reader {
 public:
  Reader(std::string_view file, const BpmnReadOptions& options) : file_(file), options_(options) {}

  WorkflowRead read(std::string_view bytes) {
    text_ = to_utf8(bytes, file_);
    if (trimmed(text_).empty()) refuse(file_, LoadError::Kind::parse, 1, 1, "the file is empty");
    lines_.emplace(text_);
    std::size_t declarations = 0;  // "xmlns" anywhere in the text, an upper bound
    for (std::size_t at = text_.find("xmlns"); at != std::string::npos; at = text_.find("xmlns", at + 5)) ++declarations;
    parse_xml();
    const pugi::xml_node root = doc_.document_element();
    for (pugi::xml_attribute a : root.attributes())
      if (std::string_view(a.name()).starts_with("xmlns")) --declarations;
    if (declarations == 0) names_.assume_root_scope(root);
    if (!names_.is(root, Ns::bpmn, "definitions"))
      fail(root, LoadError::Kind::invalid,
           "not a BPMN 2.0 file: the root element is <" + std::string(root.name()) + ">, not definitions in the "
           "namespace " + std::string(bpmn_uri));
    definitions_ = root;
    // Every index is sized once, from the number of elements (at most one per '<').
    const auto elements = static_cast<std::size_t>(std::count(text_.begin(), text_.end(), '<'));
    elements_.reserve(elements);
    node_index_.reserve(elements / 2);
    sources_.reserve(elements / 2);
    index_shapes();
    process_ = choose_process();
    index_process();
    read_workflow_extension();
    read_lanes();
    read_data();
    make_steps();
    make_edges();
    assign_lanes();
    assign_performers();
    assign_data();
    return finish();
  }

 private:
  // --- errors -------------------------------------------------------------

  std::pair<int, int> place(pugi::xml_node el) const {
    const std::ptrdiff_t off = el.offset_debug();
    return lines_->at(off > 0 ? static_cast<std::size_t>(off - 1) : 0);  // the '<' before the name
  }

  SourceLocation location(pugi::xml_node el, std::string_view element) const {
    auto [line, column] = place(el);
    return {std::string(element), line, column};
  }

  [[noreturn]] void fail(pugi::xml_node el, LoadError::Kind kind, std::string message) const {
    auto [line, column] = place(el);
    const std::string_view id = el.attribute("id").value();
    if (!id.empty()) message += " (element \"" + std::string(id) + "\")";
    refuse(file_, kind, line, column, std::move(message));
  }
  [[noreturn]] void fail(pugi::xml_node el, std::string message) const {
    fail(el, LoadError::Kind::invalid, std::move(message));
  }

  static std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }
  std::string_view local(pugi::xml_node n) const { return local_part(n.name()); }

  void parse_xml() {
    // No entity beyond the predefined ones is ever expanded by pugixml; a
    // DOCTYPE is refused outright so that no DTD trick reaches the reader.
    // Text that is only blanks (a role " ") is kept where it is an element's
    // only content; blanks between elements are still dropped.
    const unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata_single;
    const pugi::xml_parse_result r =
        doc_.load_buffer_inplace(text_.data(), text_.size(), options, pugi::encoding_utf8);
    if (!r) {
      auto [line, column] = lines_->at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0)));
      refuse(file_, LoadError::Kind::parse, line, column, std::string("not well-formed XML: ") + r.description());
    }
    for (pugi::xml_node n = doc_.first_child(); n; n = n.next_sibling())
      if (n.type() == pugi::node_doctype) {
        // offset_debug() points past "<!DOCTYPE": the place is its '<'.
        const std::size_t at = text_.rfind('<', static_cast<std::size_t>(std::max<std::ptrdiff_t>(n.offset_debug(), 0)));
        auto [line, column] = lines_->at(at == std::string::npos ? 0 : at);
        refuse(file_, LoadError::Kind::parse, line, column,
               "a DOCTYPE is not read (document type definitions and their entities are refused)");
      }
    if (!doc_.document_element()) refuse(file_, LoadError::Kind::parse, 1, 1, "not XML: no root element");
  }

  // --- diagram shapes ---------------------------------------------------------

  void index_shapes() {
    names_.each_child(definitions_, Ns::di, "BPMNDiagram", [&](pugi::xml_node d) {
      names_.each_child(d, Ns::di, "BPMNPlane", [&](pugi::xml_node plane) {
        names_.each_child(plane, Ns::di, "BPMNShape", [&](pugi::xml_node s) {
          Shape shape;
          shape.expanded = s.attribute("isExpanded").value();
          if (pugi::xml_node b = names_.child(s, Ns::dc, "Bounds")) {
            shape.has_bounds = true;
            shape.bounds = {b.attribute("x").as_double(), b.attribute("y").as_double(),
                            b.attribute("width").as_double(), b.attribute("height").as_double()};
          }
          shapes_.emplace(s.attribute("bpmnElement").value(), shape);
        });
      });
    });
  }

  const Shape* shape_of(std::string_view id) const {
    auto it = shapes_.find(id);
    return it == shapes_.end() ? nullptr : &it->second;
  }

  // --- which process ------------------------------------------------------------

  bool is_flow_node(std::string_view l) const {
    static const std::unordered_set<std::string_view> kinds = {
        "task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "scriptTask",
        "businessRuleTask", "callActivity", "subProcess", "transaction", "adHocSubProcess", "startEvent",
        "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "exclusiveGateway",
        "eventBasedGateway", "parallelGateway", "inclusiveGateway", "complexGateway"};
    return kinds.count(l) > 0;
  }

  std::size_t count_flow_nodes(pugi::xml_node container) const {
    std::size_t n = 0;
    for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || names_.element(c) != Ns::bpmn || !is_flow_node(local(c))) continue;
      n += 1 + count_flow_nodes(c);
    }
    return n;
  }

  pugi::xml_node choose_process() {
    std::vector<pugi::xml_node> processes;
    names_.each_child(definitions_, Ns::bpmn, "process", [&](pugi::xml_node p) { processes.push_back(p); });
    if (processes.empty()) fail(definitions_, "the BPMN file holds no process");
    pugi::xml_node chosen;
    if (!options_.process.empty()) {
      for (pugi::xml_node p : processes)
        if (options_.process == p.attribute("id").value()) chosen = p;
      if (!chosen) {
        std::string ids;
        for (pugi::xml_node p : processes) ids += (ids.empty() ? "" : ", ") + quoted(p.attribute("id").value());
        fail(definitions_, "no process has the id " + quoted(options_.process) + " (there are " + ids + ")");
      }
    } else {
      std::size_t most = 0;
      for (pugi::xml_node p : processes) {
        const std::size_t n = count_flow_nodes(p);
        if (!chosen || n > most) {
          chosen = p;
          most = n;
        }
      }
    }
    if (processes.size() > 1) {
      std::string others;
      for (pugi::xml_node p : processes)
        if (p != chosen) others += (others.empty() ? "" : ", ") + quoted(p.attribute("id").value());
      notes_.push_back("process " + quoted(chosen.attribute("id").value()) + " read; " + others + " not read");
    }
    return chosen;
  }

  // --- the process's elements -----------------------------------------------------

  std::string_view id_of(pugi::xml_node el) const {
    const std::string_view id = el.attribute("id").value();
    if (id.empty()) fail(el, "<" + std::string(el.name()) + "> has no id");
    return id;
  }

  void index_id(pugi::xml_node el, std::string_view id) {
    if (!elements_.emplace(id, el).second) fail(el, "a second element has the id " + quoted(id));
  }

  pugi::xml_node baton_ext(pugi::xml_node el, std::string_view local) const {
    if (pugi::xml_node ext = names_.child(el, Ns::bpmn, "extensionElements")) return names_.child(ext, Ns::baton, local);
    return {};
  }

  std::optional<std::string> timer_duration(pugi::xml_node event) {
    pugi::xml_node timer = names_.child(event, Ns::bpmn, "timerEventDefinition");
    if (!timer) return std::nullopt;
    pugi::xml_node d = names_.child(timer, Ns::bpmn, "timeDuration");
    if (!d) return std::nullopt;
    const std::string_view text = trimmed(d.child_value());
    if (Duration::parse(text)) return std::string(text);
    if (!text.empty())
      notes_.push_back("the timer duration " + quoted(text) + " of " + quoted(id_of(event)) +
                       " is no ISO 8601 duration and is not read");
    return std::nullopt;
  }

  bool expanded(pugi::xml_node sub, std::string_view id) const {
    if (local(sub) == "adHocSubProcess") return false;  // its content has no order to follow
    if (count_flow_nodes(sub) == 0) return false;
    const Shape* s = shape_of(id);
    return !s || s->expanded == "true";
  }

  // Indexes the flow nodes, flows and data of `container` (the process or an
  // expanded subprocess, node `parent`), in document order.
  void index_container(pugi::xml_node container, int parent) {
    for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || names_.element(c) != Ns::bpmn) continue;
      const std::string_view l = local(c);
      if (l == "sequenceFlow") {
        index_id(c, id_of(c));
        flows_.push_back(c);
      } else if (l == "dataObjectReference" || l == "dataStoreReference") {
        index_id(c, id_of(c));
        data_refs_.push_back(c);
      } else if (l == "dataObject") {
        index_id(c, id_of(c));
      } else if (is_flow_node(l)) {
        index_node(c, l, parent);
      }
    }
  }

  void index_node(pugi::xml_node c, std::string_view l, int parent) {
    const std::string_view id = id_of(c);
    index_id(c, id);
    if (l == "inclusiveGateway" || l == "complexGateway")
      fail(c, std::string(l == "inclusiveGateway" ? "an inclusive" : "a complex") +
                  " gateway is not read: the workflow format has no OR semantics (use exclusive or parallel gateways)");
    const bool sub = l == "subProcess" || l == "transaction" || l == "adHocSubProcess";
    if (sub && c.attribute("triggeredByEvent").as_bool()) {
      notes_.push_back("event subprocess " + quoted(id) + " not read");
      index_ids_only(c);
      return;
    }
    Node n;
    n.el = c;
    n.id = id;
    n.parent = parent;
    if (sub && expanded(c, id)) n.type = NodeType::subprocess;
    else if (l == "startEvent") n.type = parent < 0 ? NodeType::start : NodeType::inner;
    else if (l == "endEvent") n.type = parent < 0 ? NodeType::end : NodeType::inner;
    else if (l == "boundaryEvent") n.type = NodeType::boundary;
    else if (l == "parallelGateway") n.type = NodeType::gateway, n.gate = Gate::parallel;
    else if (l == "exclusiveGateway" || l == "eventBasedGateway") n.type = NodeType::gateway;
    if (l.ends_with("Event")) n.duration = timer_duration(c);
    if (n.type == NodeType::gateway)
      if (pugi::xml_node g = baton_ext(c, "gatewayOf")) {
        n.gateway_of = g.attribute("step").value();
        n.gateway_split = std::string_view(g.attribute("side").value()) == "split";
        if (n.gateway_of.empty()) fail(g, "baton:gatewayOf needs the attribute step");
      }
    if (pugi::xml_node s = baton_ext(c, "step"); s && !s.attribute("id").empty()) steps_ids_.reserve(s.attribute("id").value());
    const int index = static_cast<int>(nodes_.size());
    node_index_.emplace(id, index);
    nodes_.push_back(std::move(n));
    if (parent >= 0) nodes_[static_cast<std::size_t>(parent)].children.push_back(index);
    if (nodes_[static_cast<std::size_t>(index)].type == NodeType::subprocess) index_container(c, index);
    else if (sub) index_ids_only(c);
  }

  // The content of a subprocess read as one task (or not at all): a lane may
  // still list its nodes.
  void index_ids_only(pugi::xml_node container) {
    for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || names_.element(c) != Ns::bpmn) continue;
      if (const std::string_view id = c.attribute("id").value(); !id.empty() && is_flow_node(local(c))) {
        index_id(c, id);
        index_ids_only(c);
      }
    }
  }

  void index_process() {
    index_id(process_, id_of(process_));
    index_container(process_, -1);
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      Node& n = nodes_[i];
      if (n.type != NodeType::boundary) continue;
      const std::string_view to = n.el.attribute("attachedToRef").value();
      auto it = node_index_.find(to);
      if (it == node_index_.end())
        fail(n.el, "boundary event " + quoted(n.id) + " is attached to " + quoted(to) +
                       ", which is no activity of process " + quoted(process_.attribute("id").value()));
      nodes_[static_cast<std::size_t>(it->second)].boundaries.push_back(static_cast<int>(i));
    }
  }

  // --- baton:workflow ---------------------------------------------------------------

  // A member from an attribute, when present.
  static void put(json::object& o, std::string_view key, pugi::xml_node el, const char* attribute) {
    if (pugi::xml_attribute a = el.attribute(attribute)) o[key] = a.value();
  }
  // A whole number from an attribute; written as text when it is none, so
  // that the loader names the breach.
  static void put_count(json::object& o, std::string_view key, pugi::xml_node el, const char* attribute) {
    pugi::xml_attribute a = el.attribute(attribute);
    if (!a) return;
    const std::string_view s = a.value();
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec == std::errc{} && end == s.data() + s.size()) o[key] = n;
    else o[key] = s;
  }
  void put_text(json::object& o, std::string_view key, pugi::xml_node el, std::string_view child) const {
    if (pugi::xml_node c = names_.child(el, Ns::baton, child)) o[key] = c.child_value();
  }

  void source(std::string pointer, pugi::xml_node el, std::string_view element) {
    sources_.insert_or_assign(std::move(pointer), location(el, element));
  }

  template <class F>
  json::array baton_list(pugi::xml_node wf, std::string_view local, std::string_view list, F&& make) {
    json::array out(sp_);
    names_.each_child(wf, Ns::baton, local, [&](pugi::xml_node el) {
      source(pointer_to(list, out.size()), el, el.attribute("id").value());
      out.push_back(make(el));
    });
    return out;
  }

  void read_workflow_extension() {
    pugi::xml_node wf = baton_ext(process_, "workflow");
    if (!wf) return;
    workflow_ext_ = wf;
    if (std::string_view(wf.attribute("format").value()) != "1")
      fail(wf, "baton:workflow format " + quoted(wf.attribute("format").value()) + " is not read; this baton reads format 1");
    put(doc_top_, "version", wf, "version");
    put(doc_top_, "language", wf, "language");
    put_text(doc_top_, "description", wf, "description");
    if (pugi::xml_node r = names_.child(wf, Ns::baton, "review")) {
      json::object o(sp_);
      put(o, "last_reviewed", r, "lastReviewed");
      put_count(o, "interval_days", r, "intervalDays");
      put(o, "owner", r, "owner");
      doc_top_["review"] = std::move(o);
      source("/review", r, "baton:review");
    }
    names_.each_child(wf, Ns::baton, "team", [&](pugi::xml_node el) {
      TeamDraft t{el.attribute("id").value(), el.attribute("name").value(), {}, el};
      names_.each_child(el, Ns::baton, "role", [&](pugi::xml_node r) { t.roles.emplace_back(r.child_value()); });
      teams_.push_back(std::move(t));
    });
    doc_top_["systems"] = baton_list(wf, "system", "systems", [&](pugi::xml_node el) {
      json::object o(sp_);
      put(o, "id", el, "id");
      put(o, "name", el, "name");
      return o;
    });
    doc_top_["artifacts"] = baton_list(wf, "artifact", "artifacts", [&](pugi::xml_node el) {
      json::object o(sp_);
      put(o, "id", el, "id");
      put(o, "name", el, "name");
      put(o, "kind", el, "kind");
      return o;
    });
    doc_top_["templates"] = baton_list(wf, "template", "templates", [&](pugi::xml_node el) {
      json::object o(sp_);
      put(o, "id", el, "id");
      put(o, "name", el, "name");
      put(o, "system", el, "system");
      return o;
    });
    doc_top_["requirements"] = baton_list(wf, "requirement", "requirements", [&](pugi::xml_node el) {
      json::object o(sp_);
      put(o, "id", el, "id");
      put_text(o, "text", el, "text");
      put(o, "source", el, "source");
      if (pugi::xml_attribute a = el.attribute("caseTypes")) {
        json::array ids(sp_);
        for (std::string_view w : words(a.value())) ids.emplace_back(w);
        o["case_types"] = std::move(ids);
      }
      if (pugi::xml_node r = names_.child(el, Ns::baton, "rule")) {
        json::object rule(sp_);
        put(rule, "type", r, "type");
        put(rule, "steps", r, "steps");
        put(rule, "first", r, "first");
        put(rule, "then", r, "then");
        put(rule, "within", r, "within");
        o["rule"] = std::move(rule);
      }
      return o;
    });
    doc_top_["case_types"] = baton_list(wf, "caseType", "case_types", [&](pugi::xml_node el) {
      json::object o(sp_);
      put(o, "id", el, "id");
      put(o, "name", el, "name");
      put_text(o, "description", el, "description");
      json::object choices(sp_);
      names_.each_child(el, Ns::baton, "choice", [&](pugi::xml_node c) {
        choices[c.attribute("step").value()] = c.attribute("value").value();
      });
      if (!choices.empty()) o["choices"] = std::move(choices);
      return o;
    });
    doc_top_["follow_up"] = baton_list(wf, "followUp", "follow_up", [&](pugi::xml_node el) {
      json::object o(sp_);
      put(o, "id", el, "id");
      put_text(o, "question", el, "question");
      json::array steps(sp_);
      names_.each_child(el, Ns::baton, "step", [&](pugi::xml_node s) { steps.emplace_back(s.attribute("ref").value()); });
      if (!steps.empty()) o["steps"] = std::move(steps);
      put_count(o, "every_days", el, "everyDays");
      put(o, "source", el, "source");
      put(o, "owner", el, "owner");
      put(o, "last_done", el, "lastDone");
      return o;
    });
  }

  // --- lanes -------------------------------------------------------------------------

  struct Lane {
    pugi::xml_node el;
    std::optional<std::size_t> team;
    std::optional<std::string> role;
    int depth = 0;
  };

  std::optional<std::size_t> team_named(std::string_view id) const {
    for (std::size_t t = 0; t < teams_.size(); ++t)
      if (teams_[t].id == id) return t;
    return std::nullopt;
  }

  std::size_t add_team(std::string id, std::string name, pugi::xml_node el) {
    if (auto t = team_named(id)) return *t;
    teams_.push_back({std::move(id), std::move(name), {}, el});
    return teams_.size() - 1;
  }

  static std::string lane_name(pugi::xml_node lane) {
    const std::string_view name = lane.attribute("name").value();
    return std::string(name.empty() ? lane.attribute("id").value() : name);
  }

  void read_lane(pugi::xml_node el, int depth, std::optional<std::size_t> outer_team) {
    const std::string_view id = id_of(el);
    index_id(el, id);
    Lane lane{el, outer_team, std::nullopt, depth};
    pugi::xml_node mark = baton_ext(el, "lane");
    if (workflow_ext_) {
      // The workflow's teams are authoritative; a lane only says which.
      if (mark) {
        const std::string_view team = mark.attribute("team").value();
        lane.team = team_named(team);
        if (!lane.team) fail(el, "baton:lane names the team " + quoted(team) + ", which baton:workflow does not list");
        if (pugi::xml_attribute r = mark.attribute("role")) lane.role = r.value();
      }
    } else if (!outer_team) {
      lane.team = mark ? add_team(mark.attribute("team").value(), lane_name(el), el) : add_team(team_ids_.make(id), lane_name(el), el);
    } else {
      lane.role = mark && mark.attribute("role") ? std::string(mark.attribute("role").value()) : lane_name(el);
      auto& roles = teams_[*outer_team].roles;
      if (std::find(roles.begin(), roles.end(), *lane.role) == roles.end()) roles.push_back(*lane.role);
    }
    const std::size_t index = lanes_.size();
    lanes_.push_back(lane);
    names_.each_child(el, Ns::bpmn, "flowNodeRef", [&](pugi::xml_node ref) {
      const std::string_view node = trimmed(ref.child_value());
      if (!elements_.count(node))
        fail(el, "lane " + quoted(id) + " lists " + quoted(node) + ", which is no flow node of process " +
                     quoted(process_.attribute("id").value()));
      lane_of_[node] = index;  // the innermost lane wins: nested lanes are read after their parent
    });
    names_.each_child(el, Ns::bpmn, "childLaneSet", [&](pugi::xml_node set) {
      names_.each_child(set, Ns::bpmn, "lane", [&](pugi::xml_node child) {
        read_lane(child, depth + 1, lanes_[index].team);
      });
    });
  }

  void read_lanes() {
    if (workflow_ext_) {
      // The teams of baton:workflow come first, in their order; the ids are reserved.
      for (const TeamDraft& t : teams_) team_ids_.reserve(t.id);
    }
    names_.each_child(process_, Ns::bpmn, "laneSet", [&](pugi::xml_node set) {
      names_.each_child(set, Ns::bpmn, "lane", [&](pugi::xml_node lane) { read_lane(lane, 0, std::nullopt); });
    });
  }

  // --- data ----------------------------------------------------------------------------

  void read_data() {
    std::unordered_map<std::string_view, std::size_t> by_object;  // dataObject/dataStore id -> artifact
    for (pugi::xml_node ref : data_refs_) {
      const bool store = local(ref) == "dataStoreReference";
      const std::string_view target = ref.attribute(store ? "dataStoreRef" : "dataObjectRef").value();
      pugi::xml_node object;
      if (!target.empty()) {
        if (auto it = elements_.find(target); it != elements_.end()) object = it->second;
        else object = find_data_store(target);
      }
      // The artifact's id: baton's mark on the reference or the object, else the BPMN id.
      std::string_view marked;
      for (pugi::xml_node el : {ref, object})
        if (el && marked.empty())
          if (pugi::xml_node m = baton_ext(el, "artifact")) marked = m.attribute("id").value();
      if (workflow_ext_) {
        // Unmarked: the id as the writer makes it (docs/bpmn.md, Ids), without its prefix.
        std::string_view id = marked;
        for (std::string_view prefix : {"DataObjectReference_", "DataStoreReference_"})
          if (id.empty() && std::string_view(ref.attribute("id").value()).starts_with(prefix))
            id = std::string_view(ref.attribute("id").value()).substr(prefix.size());
        if (id.empty()) id = object ? object.attribute("id").value() : ref.attribute("id").value();
        for (std::string_view prefix : {"DataObject_", "DataStore_"})
          if (id.starts_with(prefix)) id.remove_prefix(prefix.size());
        artifact_of_[ref.attribute("id").value()] = std::string(id);
        continue;
      }
      const std::string_view key = object ? std::string_view(object.attribute("id").value()) : ref.attribute("id").value();
      auto [it, fresh] = by_object.emplace(key, artifacts_.size());
      if (fresh) {
        std::string_view name = ref.attribute("name").value();
        if (name.empty() && object) name = object.attribute("name").value();
        if (name.empty()) name = key;
        const std::string id = marked.empty() ? artifact_ids_.make(key) : std::string(marked);
        source(pointer_to("artifacts", artifacts_.size()), ref, ref.attribute("id").value());
        artifacts_.push_back(json::object({{"id", id}, {"name", name}, {"kind", store ? "data store" : "data object"}}, sp_));
      }
      artifact_of_[ref.attribute("id").value()] = std::string(artifacts_[it->second].as_object().at("id").as_string());
    }
  }

  pugi::xml_node find_data_store(std::string_view id) const {
    for (pugi::xml_node c = definitions_.first_child(); c; c = c.next_sibling())
      if (names_.is(c, Ns::bpmn, "dataStore") && id == c.attribute("id").value()) return c;
    return {};
  }

  // --- steps ---------------------------------------------------------------------------

  std::size_t add_step(pugi::xml_node el, std::string_view element, std::string id, std::string_view name,
                       std::string_view kind, bool work) {
    StepDraft s{json::object(sp_)};
    s.el = el;
    s.element = element;
    s.work = work;
    s.o["id"] = id;
    s.o["name"] = name.empty() ? std::string_view(id) : name;
    s.o["kind"] = kind;
    step_by_id_.emplace(id, steps_.size());
    steps_.push_back(std::move(s));
    return steps_.size() - 1;
  }

  std::string step_id(pugi::xml_node mark, std::string_view bpmn_id) {
    if (mark && !mark.attribute("id").empty()) return mark.attribute("id").value();
    return steps_ids_.make(bpmn_id);
  }

  void make_steps() {
    std::vector<int> starts;
    for (std::size_t i = 0; i < nodes_.size(); ++i)
      if (nodes_[i].type == NodeType::start) starts.push_back(static_cast<int>(i));
    if (starts.empty()) fail(process_, "process " + quoted(process_.attribute("id").value()) + " has no start event");
    if (starts.size() > 1) {
      // One start step before the process's start events, which become routing points.
      added_start_ = add_step(process_, process_.attribute("id").value(), steps_ids_.make("start"), "Start", "start", true);
      steps_[*added_start_].split = Gate::exclusive;
      notes_.push_back(std::to_string(starts.size()) + " start events: a start step \"" +
                       std::string(steps_[*added_start_].o["id"].as_string()) + "\" was added before them");
    }
    for (Node& n : nodes_) {
      if (n.type == NodeType::subprocess || !n.gateway_of.empty()) continue;
      pugi::xml_node mark = baton_ext(n.el, "step");
      const std::string_view name = n.el.attribute("name").value();
      std::string id = step_id(mark, n.id);
      std::string_view kind = "task";
      bool work = true;
      switch (n.type) {
        case NodeType::start: kind = added_start_ ? "gateway" : "start", work = !added_start_; break;
        case NodeType::end: kind = "end"; break;
        case NodeType::gateway:
        case NodeType::inner:
        case NodeType::boundary: kind = "gateway", work = false; break;
        default: break;
      }
      if (kind == "task" && mark) {
        const std::string_view k = mark.attribute("kind").value();
        if (k == "control" || k == "decision") kind = k;  // what BPMN has no element for
      }
      const std::size_t s = add_step(n.el, n.id, std::move(id), name, kind, work);
      n.step = s;
      StepDraft& d = steps_[s];
      if (n.type == NodeType::gateway) d.join = d.split = n.gate;
      if (work) fill_step(d, n, mark);
      else if (mark) fill_tags(d, mark);
    }
  }

  // A gateway step routes only, but rules may select it by its tags.
  void fill_tags(StepDraft& d, pugi::xml_node mark) {
    json::array tags(sp_);
    names_.each_child(mark, Ns::baton, "tag", [&](pugi::xml_node c) { tags.emplace_back(c.child_value()); });
    if (!tags.empty()) d.o["tags"] = std::move(tags);
  }

  // What a work step says beyond its place in the graph.
  void fill_step(StepDraft& d, const Node& n, pugi::xml_node mark) {
    json::object& o = d.o;
    if (pugi::xml_node doc = names_.child(n.el, Ns::bpmn, "documentation")) o["description"] = doc.child_value();
    std::optional<std::string> duration = n.duration;
    for (int b : n.boundaries)
      if (!duration) duration = nodes_[static_cast<std::size_t>(b)].duration;
    if (mark && mark.attribute("duration")) duration = mark.attribute("duration").value();
    if (duration) o["duration"] = *duration;
    if (!mark) return;
    json::array checks(sp_);
    names_.each_child(mark, Ns::baton, "check", [&](pugi::xml_node c) {
      json::object x(sp_);
      put(x, "artifact", c, "artifact");
      put(x, "aspect", c, "aspect");
      checks.push_back(std::move(x));
    });
    if (!checks.empty()) o["checks"] = std::move(checks);
    if (pugi::xml_node it = names_.child(mark, Ns::baton, "it")) {
      json::object x(sp_);
      put(x, "system", it, "system");
      put(x, "function", it, "function");
      json::array records(sp_);
      names_.each_child(it, Ns::baton, "record", [&](pugi::xml_node r) { records.emplace_back(r.attribute("artifact").value()); });
      if (!records.empty()) x["records"] = std::move(records);
      o["it"] = std::move(x);
    }
    const auto list = [&](std::string_view child, const char* attribute, std::string_view key) {
      json::array a(sp_);
      names_.each_child(mark, Ns::baton, child, [&](pugi::xml_node c) {
        a.emplace_back(attribute ? std::string_view(c.attribute(attribute).value()) : std::string_view(c.child_value()));
      });
      if (!a.empty()) o[key] = std::move(a);
    };
    list("template", "ref", "templates");
    list("satisfies", "requirement", "satisfies");
    list("tag", nullptr, "tags");
    list("logName", nullptr, "log_names");
  }

  // --- edges ------------------------------------------------------------------------------

  // The step a flow into node `i` reaches, and the one a flow out of it leaves.
  std::size_t in_port(int i) { return port(i, true); }
  std::size_t out_port(int i) { return port(i, false); }

  std::size_t port(int i, bool in) {
    Node& n = nodes_[static_cast<std::size_t>(i)];
    if (!n.gateway_of.empty()) return owner_of(n);
    if (n.type != NodeType::subprocess) return *n.step;
    auto& memo = in ? sub_in_ : sub_out_;
    if (auto it = memo.find(i); it != memo.end()) return it->second;
    // Entries: the subprocess's start events, else its nodes without incoming flows.
    std::vector<int> ends;
    for (int c : n.children) {
      const Node& k = nodes_[static_cast<std::size_t>(c)];
      if (k.type == NodeType::boundary || !k.gateway_of.empty()) continue;
      if (local(k.el) == (in ? "startEvent" : "endEvent")) ends.push_back(c);
    }
    bool implicit = false;
    if (ends.empty()) {
      implicit = true;
      for (int c : n.children) {
        const Node& k = nodes_[static_cast<std::size_t>(c)];
        if (k.type != NodeType::boundary && k.gateway_of.empty() && !(in ? has_in_ : has_out_).count(k.id))
          ends.push_back(c);
      }
    }
    if (ends.empty())
      fail(n.el, "subprocess " + quoted(n.id) + " has no " + (in ? "start" : "end") + " (every node has " +
                     (in ? "incoming" : "outgoing") + " flows)");
    std::size_t p;
    if (ends.size() == 1) {
      p = in ? in_port(ends[0]) : out_port(ends[0]);
    } else {
      // Several: one routing point for the subprocess, AND into implicit
      // starts (BPMN starts them all), XOR otherwise.
      const std::string id = steps_ids_.make(std::string(n.id) + (in ? "" : "_end"));
      p = add_step(n.el, n.id, id, n.el.attribute("name").value(), "gateway", false);
      StepDraft& d = steps_[p];
      d.join = Gate::exclusive;
      d.split = in && implicit ? Gate::parallel : Gate::exclusive;
      for (int e : ends) {
        if (in) edges_.push_back({p, in_port(e), n.el});
        else edges_.push_back({out_port(e), p, n.el});
      }
    }
    memo.emplace(i, p);
    return p;
  }

  std::size_t owner_of(const Node& n) const {
    auto it = step_by_id_.find(std::string(n.gateway_of));
    if (it == step_by_id_.end())
      fail(n.el, "baton:gatewayOf names the step " + quoted(n.gateway_of) + ", which no flow node of the process is");
    return it->second;
  }

  int node_at(pugi::xml_node flow, const char* end) const {
    const std::string_view ref = flow.attribute(end).value();
    auto it = node_index_.find(ref);
    if (it == node_index_.end()) {
      const auto el = elements_.find(ref);
      if (el != elements_.end())
        fail(flow, "sequence flow " + quoted(flow.attribute("id").value()) + " has the " + end + " " + quoted(ref) +
                       ", a <" + std::string(el->second.name()) + ">, which is no flow node baton reads");
      fail(flow, "sequence flow " + quoted(flow.attribute("id").value()) + " has the " + end + " " + quoted(ref) +
                     ", which names no flow node of process " + quoted(process_.attribute("id").value()));
    }
    return it->second;
  }

  bool conditional(pugi::xml_node flow, const Node& source) const {
    return names_.child(flow, Ns::bpmn, "conditionExpression") ||
           std::string_view(source.el.attribute("default").value()) == flow.attribute("id").value();
  }

  void make_edges() {
    std::vector<std::pair<int, int>> ends(flows_.size());
    for (std::size_t f = 0; f < flows_.size(); ++f) {
      ends[f] = {node_at(flows_[f], "sourceRef"), node_at(flows_[f], "targetRef")};
      has_out_.insert(nodes_[static_cast<std::size_t>(ends[f].first)].id);
      has_in_.insert(nodes_[static_cast<std::size_t>(ends[f].second)].id);
    }
    // Marked gateways give their step its split or join.
    for (const Node& n : nodes_)
      if (!n.gateway_of.empty()) {
        StepDraft& d = steps_[owner_of(n)];
        (n.gateway_split ? d.split : d.join) = n.gate;
      }
    if (added_start_)
      for (const Node& n : nodes_)
        if (n.type == NodeType::start) edges_.push_back({*added_start_, *n.step, n.el});
    for (std::size_t f = 0; f < flows_.size(); ++f) {
      const Node& a = nodes_[static_cast<std::size_t>(ends[f].first)];
      const Node& b = nodes_[static_cast<std::size_t>(ends[f].second)];
      const std::size_t from = out_port(ends[f].first), to = in_port(ends[f].second);
      // A step's flow into its own split gateway, or out of its own join, is
      // no transition (a flow from its split back into it is one: a loop).
      if (from == to && ((b.gateway_split && a.gateway_of.empty()) || (!a.gateway_of.empty() && !a.gateway_split && b.gateway_of.empty())))
        continue;
      edges_.push_back({from, to, flows_[f], conditional(flows_[f], a), false});
    }
    for (std::size_t i = 0; i < nodes_.size(); ++i)
      for (int b : nodes_[i].boundaries)
        edges_.push_back({out_port(static_cast<int>(i)), *nodes_[static_cast<std::size_t>(b)].step,
                          nodes_[static_cast<std::size_t>(b)].el, false, true});
  }

  // --- who does each step, what it reads and writes ----------------------------------------

  std::optional<std::size_t> lane_at(std::string_view node) const {
    if (auto it = lane_of_.find(node); it != lane_of_.end()) return it->second;
    // No flowNodeRef: the innermost lane whose shape holds the node's centre.
    const Shape* s = shape_of(node);
    if (!s || !s->has_bounds) return std::nullopt;
    const double cx = s->bounds.x + s->bounds.w / 2, cy = s->bounds.y + s->bounds.h / 2;
    std::optional<std::size_t> best;
    for (std::size_t l = 0; l < lanes_.size(); ++l) {
      const Shape* ls = shape_of(lanes_[l].el.attribute("id").value());
      if (ls && ls->has_bounds && ls->bounds.contains(cx, cy) && (!best || lanes_[l].depth > lanes_[*best].depth))
        best = l;
    }
    return best;
  }

  void assign_lanes() {
    for (StepDraft& d : steps_) {
      if (!d.work || d.el == process_) continue;
      if (auto l = lane_at(d.element)) {
        d.team = lanes_[*l].team;
        if (d.team) d.role = lanes_[*l].role;
      }
    }
  }

  // The performer a modelling tool wrote on a task, if any.
  std::string_view performer(pugi::xml_node el) const {
    const auto usable = [](std::string_view v) {
      v = trimmed(v);
      return !v.empty() && v.find("${") == std::string_view::npos && v.find("#{") == std::string_view::npos &&
             v.front() != '=';
    };
    for (std::string_view kind : {"potentialOwner", "humanPerformer"})
      if (pugi::xml_node p = names_.child(el, Ns::bpmn, kind)) {
        if (pugi::xml_node e = names_.child(p, Ns::bpmn, "resourceAssignmentExpression"))
          if (pugi::xml_node f = names_.child(e, Ns::bpmn, "formalExpression"); f && usable(f.child_value()))
            return trimmed(f.child_value());
        if (pugi::xml_node r = names_.child(p, Ns::bpmn, "resourceRef"); r && usable(r.child_value()))
          return resource_name(trimmed(r.child_value()));
      }
    const auto first_of = [](std::string_view list) { return trimmed(list.substr(0, list.find(','))); };
    for (const char* a : {"candidateGroups", "assignee"})
      if (std::string_view v = names_.attribute(el, Ns::camunda, a); usable(v)) return first_of(v);
    if (pugi::xml_node ext = names_.child(el, Ns::bpmn, "extensionElements"))
      if (pugi::xml_node z = names_.child(ext, Ns::zeebe, "assignmentDefinition"))
        for (const char* a : {"candidateGroups", "assignee"})
          if (std::string_view v = z.attribute(a).value(); usable(v)) return first_of(v);
    return {};
  }

  // A resource's name (an id of the definitions' <resource>), else the reference as written.
  std::string_view resource_name(std::string_view id) const {
    for (pugi::xml_node c = definitions_.first_child(); c; c = c.next_sibling())
      if (names_.is(c, Ns::bpmn, "resource") && id == c.attribute("id").value() && !c.attribute("name").empty())
        return c.attribute("name").value();
    return id;
  }

  // The name of the pool (participant) that shows the process.
  std::string_view participant_name() const {
    const std::string_view pid = process_.attribute("id").value();
    for (pugi::xml_node c = definitions_.first_child(); c; c = c.next_sibling())
      if (names_.is(c, Ns::bpmn, "collaboration"))
        for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling())
          if (names_.is(p, Ns::bpmn, "participant") && pid == p.attribute("processRef").value())
            return p.attribute("name").value();
    return {};
  }

  void assign_performers() {
    std::size_t dropped = 0;
    for (StepDraft& d : steps_) {
      if (!d.work || d.el == process_) continue;
      const std::string_view who = performer(d.el);
      if (who.empty() || d.role) continue;  // lanes win
      std::optional<std::size_t> named;
      for (std::size_t t = 0; t < teams_.size() && !named; ++t)
        if (teams_[t].id == who || teams_[t].name == who) named = t;
      if (named) {
        if (!d.team) d.team = named;
        continue;
      }
      if (!d.team) {
        ++dropped;
        continue;
      }
      const auto& roles = teams_[*d.team].roles;
      if (roles.empty() || std::find(roles.begin(), roles.end(), who) != roles.end()) d.role = std::string(who);
    }
    if (dropped)
      notes_.push_back(std::to_string(dropped) + " task performer(s) not read: a role needs a team, and those tasks lie in no lane");
  }

  void assign_data() {
    for (const Node& n : nodes_) {
      if (!n.step || !steps_[*n.step].work) continue;
      json::array reads, writes;
      const auto add = [&](json::array& to, std::string_view ref) {
        auto it = artifact_of_.find(trimmed(ref));
        if (it == artifact_of_.end()) return;  // a data input or property, not a data object
        if (std::find(to.begin(), to.end(), json::value(it->second)) == to.end()) to.emplace_back(it->second);
      };
      names_.each_child(n.el, Ns::bpmn, "dataInputAssociation", [&](pugi::xml_node a) {
        names_.each_child(a, Ns::bpmn, "sourceRef", [&](pugi::xml_node r) { add(reads, r.child_value()); });
      });
      names_.each_child(n.el, Ns::bpmn, "dataOutputAssociation", [&](pugi::xml_node a) {
        names_.each_child(a, Ns::bpmn, "targetRef", [&](pugi::xml_node r) { add(writes, r.child_value()); });
      });
      // What BPMN cannot say (a start event reading, an end event writing),
      // the writer says in baton:step.
      if (pugi::xml_node mark = baton_ext(n.el, "step")) {
        names_.each_child(mark, Ns::baton, "read", [&](pugi::xml_node r) { reads.emplace_back(r.attribute("artifact").value()); });
        names_.each_child(mark, Ns::baton, "write", [&](pugi::xml_node w) { writes.emplace_back(w.attribute("artifact").value()); });
      }
      json::object& o = steps_[*n.step].o;
      if (!reads.empty()) o["reads"] = std::move(reads);
      if (!writes.empty()) o["writes"] = std::move(writes);
    }
  }

  // --- the document -------------------------------------------------------------------------

  json::object transition(const Edge& e) const {
    json::object t({{"from", steps_[e.from].o.at("id")}, {"to", steps_[e.to].o.at("id")}}, sp_);
    if (e.boundary) {
      if (const std::string_view name = e.flow.attribute("name").value(); !name.empty()) t["label"] = name;
      return t;
    }
    if (e.flow == process_ || !names_.is(e.flow, Ns::bpmn, "sequenceFlow")) return t;
    std::string_view label = e.flow.attribute("name").value();
    if (label.empty())
      if (pugi::xml_node c = names_.child(e.flow, Ns::bpmn, "conditionExpression")) label = trimmed(c.child_value());
    if (!label.empty()) t["label"] = label;
    if (pugi::xml_node h = baton_ext(e.flow, "handover")) {
      json::object ho(sp_);
      put_text(ho, "how", h, "how");
      if (pugi::xml_node r = names_.child(h, Ns::baton, "responsible")) {
        json::object who(sp_);
        put(who, "team", r, "team");
        put(who, "role", r, "role");
        ho["responsible"] = std::move(who);
      }
      t["handover"] = std::move(ho);
    }
    return t;
  }

  // Split and join of each step, from its flows where no gateway says them.
  void settle_gates() {
    std::vector<std::size_t> plain(steps_.size()), boundary(steps_.size());
    std::vector<bool> conditional(steps_.size());
    for (const Edge& e : edges_) {
      ++(e.boundary ? boundary : plain)[e.from];
      if (e.conditional) conditional[e.from] = true;
    }
    const std::size_t count = steps_.size();
    for (std::size_t s = 0; s < count; ++s) {
      if (steps_[s].split) continue;
      if (plain[s] > 1 && !conditional[s] && boundary[s] > 0) {
        // Parallel flows and a boundary event: the task ends either way, and
        // on the normal way all its flows are taken.
        const std::size_t and_split = add_step(steps_[s].el, steps_[s].element,
                                               steps_ids_.make(std::string(steps_[s].o["id"].as_string()) + "_and"),
                                               std::string(steps_[s].o["name"].as_string()), "gateway", false);
        steps_[and_split].join = Gate::exclusive;
        steps_[and_split].split = Gate::parallel;
        for (Edge& e : edges_)
          if (e.from == s && !e.boundary) e.from = and_split;
        edges_.push_back({s, and_split, steps_[s].el});
        steps_[s].split = Gate::exclusive;
      } else {
        steps_[s].split = plain[s] > 1 && !conditional[s] && boundary[s] == 0 ? Gate::parallel : Gate::exclusive;
      }
    }
  }

  WorkflowRead finish() {
    settle_gates();
    json::object& top = doc_top_;
    top["baton"] = 1;
    const std::string_view pid = process_.attribute("id").value();
    top["id"] = workflow_ext_ && workflow_ext_.attribute("id") ? std::string(workflow_ext_.attribute("id").value())
                                                               : IdMaker().make(pid);
    std::string_view name = process_.attribute("name").value();
    if (name.empty()) name = participant_name();
    if (name.empty()) name = definitions_.attribute("name").value();
    if (name.empty()) name = pid;
    top["name"] = name;
    source("", process_, pid);

    json::array teams(sp_);
    for (std::size_t t = 0; t < teams_.size(); ++t) {
      json::object o({{"id", teams_[t].id}, {"name", teams_[t].name}}, sp_);
      if (!teams_[t].roles.empty()) o["roles"] = json::array(teams_[t].roles.begin(), teams_[t].roles.end(), sp_);
      source(pointer_to("teams", t), teams_[t].el, teams_[t].el.attribute("id").value());
      teams.push_back(std::move(o));
    }
    if (!teams.empty()) top["teams"] = std::move(teams);
    if (!workflow_ext_ && !artifacts_.empty()) top["artifacts"] = std::move(artifacts_);

    json::array transitions(sp_);
    transitions.reserve(edges_.size());
    for (std::size_t t = 0; t < edges_.size(); ++t) {
      transitions.push_back(transition(edges_[t]));
      source(pointer_to("transitions", t), edges_[t].flow, edges_[t].flow.attribute("id").value());
    }
    json::array steps(sp_);
    steps.reserve(steps_.size());
    for (std::size_t s = 0; s < steps_.size(); ++s) {
      StepDraft& d = steps_[s];
      if (d.team) d.o["team"] = teams_[*d.team].id;
      if (d.role) d.o["role"] = *d.role;
      if (d.join && *d.join == Gate::parallel) d.o["join"] = "and";
      if (d.split && *d.split == Gate::parallel) d.o["split"] = "and";
      source(pointer_to("steps", s), d.el, d.element);
      steps.push_back(std::move(d.o));
    }
    top["steps"] = std::move(steps);
    top["transitions"] = std::move(transitions);
    release_xml();

    WorkflowParts parts;
    try {
      parts = detail::load_parts(top, file_);
    } catch (const LoadError& e) {
      throw translated(e);
    }
    return {Workflow::make(std::move(parts), std::move(sources_)), std::move(notes_)};
  }

  // The document now holds copies of everything it needs, and the sources
  // their places: the XML text, its tree and the indexes into them (string
  // views into the text) go before the loader builds the model, so that the
  // two never take memory at once (a 100k-step file: several hundred MB).
  void release_xml() {
    shapes_ = {};
    elements_ = {};
    node_index_ = {};
    nodes_ = {};
    flows_ = {};
    data_refs_ = {};
    has_in_ = {};
    has_out_ = {};
    lane_of_ = {};
    artifact_of_ = {};
    edges_ = {};
    steps_ = {};
    lanes_ = {};
    lines_.reset();
    doc_.reset();
    text_ = {};
  }

  // A breach in the generated document, told at the element it came from.
  LoadError translated(const LoadError& e) const {
    std::string p = e.pointer();
    while (true) {
      if (auto it = sources_.find(p); it != sources_.end())
        return LoadError(e.kind(), std::string(file_), "", it->second.line, it->second.column,
                         e.message() + (it->second.element.empty() ? "" : " (element \"" + it->second.element + "\")"));
      if (p.empty()) return LoadError(e.kind(), std::string(file_), "", 1, 1, e.message());
      p.erase(p.rfind('/'));
    }
  }

  std::string_view file_;
  const BpmnReadOptions& options_;
  // The generated document lives only while reading: one arena, freed at once.
  json::monotonic_resource arena_;
  json::storage_ptr sp_{&arena_};
  std::string text_;
  std::optional<Lines> lines_;
  pugi::xml_document doc_;
  Names names_;
  pugi::xml_node definitions_, process_, workflow_ext_;
  std::unordered_map<std::string_view, Shape> shapes_;
  std::unordered_map<std::string_view, pugi::xml_node> elements_;  // every id of the process
  std::unordered_map<std::string_view, int> node_index_;
  std::vector<Node> nodes_;
  std::vector<pugi::xml_node> flows_, data_refs_;
  std::unordered_set<std::string_view> has_in_, has_out_;
  std::vector<Lane> lanes_;
  std::unordered_map<std::string_view, std::size_t> lane_of_;
  std::vector<TeamDraft> teams_;
  json::array artifacts_ = json::array(sp_);
  std::unordered_map<std::string_view, std::string> artifact_of_;  // data reference id -> artifact id
  IdMaker steps_ids_, team_ids_, artifact_ids_;
  std::vector<StepDraft> steps_;
  std::unordered_map<std::string, std::size_t> step_by_id_;
  std::optional<std::size_t> added_start_;
  std::vector<Edge> edges_;
  std::unordered_map<int, std::size_t> sub_in_, sub_out_;
  json::object doc_top_ = json::object(sp_);
  SourceMap sources_;
  std::vector<std::string> notes_;
};

}  // namespace

WorkflowRead load_bpmn(std::string_view bytes, std::string_view file, const BpmnReadOptions& options) {
  return Reader(file, options).read(bytes);
}

}  // namespace baton
