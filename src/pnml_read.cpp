// PNML reader (shared/spec/event-logs.md "Petri nets (PNML)", pnml.hpp): the
// net is checked (workflow net, 1-safe), then turned into a format-v1
// document that the JSON loader checks, as the BPMN reader does.
#include <baton/pnml.hpp>

#include "json_loader.hpp"
#include "utf8.hpp"

#include <boost/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace json = boost::json;

namespace baton {
namespace {

// Markings explored when proving the net 1-safe; beyond it the net is read
// with a note rather than refused.
constexpr std::size_t max_markings = 200000;

std::string_view local(const char* name) {
  const std::string_view n = name;
  const std::size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children())
    if (local(c.name()) == name) return c;
  return {};
}

// <name><text>...</text></name>, <initialMarking><text>1</text>, ...
std::string text_of(pugi::xml_node node, std::string_view name) {
  const pugi::xml_node n = child(node, name);
  if (!n) return {};
  std::string t = child(n, "text").text().get();
  const auto first = t.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return t.substr(first, t.find_last_not_of(" \t\r\n") - first + 1);
}

bool id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-';
}

struct Node {
  pugi::xml_node el;
  std::string id;     // the PNML id
  bool place = false;
  std::string label;  // transitions: empty when silent
  std::vector<std::size_t> in, out;  // arcs' other ends
};

class Reader {
 public:
  Reader(std::string_view bytes, std::string_view file) : bytes_(bytes), file_(file) {}

  WorkflowRead read() {
    if (const std::size_t bad = invalid_utf8(bytes_); bad != std::string_view::npos)
      refuse_at(static_cast<std::ptrdiff_t>(bad), LoadError::Kind::parse, "invalid UTF-8 in the file");
    const pugi::xml_parse_result parsed = doc_.load_buffer(bytes_.data(), bytes_.size(), pugi::parse_default);
    if (!parsed) refuse_at(parsed.offset, LoadError::Kind::parse, std::string("not well-formed XML: ") + parsed.description());
    const pugi::xml_node root = doc_.document_element();
    if (local(root.name()) != "pnml") refuse(root, "not PNML: the root element is <" + std::string(root.name()) + ">");
    const pugi::xml_node net = child(root, "net");
    if (!net) refuse(root, "the PNML file has no <net>");
    std::size_t nets = 0;
    for (pugi::xml_node n : root.children())
      nets += local(n.name()) == "net";
    if (nets > 1) notes_.push_back("the file has " + std::to_string(nets) + " nets; only the first was read");
    collect(net);
    link_arcs();
    check_workflow_net();
    check_safe();
    choose_collapsed();
    return build(net);
  }

 private:
  int line_of(std::ptrdiff_t offset) const {
    const auto end = bytes_.begin() + std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(bytes_.size()));
    return 1 + static_cast<int>(std::count(bytes_.begin(), end, '\n'));
  }
  int column_of(std::ptrdiff_t offset) const {
    const std::size_t at = static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(bytes_.size())));
    const std::size_t nl = bytes_.rfind('\n', at == 0 ? 0 : at - 1);
    return static_cast<int>(nl == std::string_view::npos || at == 0 ? at + 1 : at - nl);
  }
  [[noreturn]] void refuse_at(std::ptrdiff_t offset, LoadError::Kind kind, std::string message) const {
    throw LoadError(kind, std::string(file_), "", line_of(offset), column_of(offset), std::move(message));
  }
  // The element's offset is that of its name; the '<' is one before.
  [[noreturn]] void refuse(pugi::xml_node el, std::string message) const {
    refuse_at(el.offset_debug() - 1, LoadError::Kind::invalid, std::move(message));
  }
  std::string what(const Node& n) const {
    return std::string(n.place ? "place" : "transition") + " \"" + n.id + "\"" +
           (n.label.empty() || n.place ? "" : " (\"" + n.label + "\")");
  }

  // Places, transitions and arcs of the net and of its pages, at any depth.
  void collect(pugi::xml_node parent) {
    for (pugi::xml_node el : parent.children()) {
      const std::string_view name = local(el.name());
      if (name == "page") {
        collect(el);
      } else if (name == "place" || name == "transition") {
        const std::string id = el.attribute("id").value();
        if (id.empty()) refuse(el, "a <" + std::string(name) + "> without an id");
        if (!index_.emplace(id, nodes_.size()).second) refuse(el, "two nodes have the id \"" + id + "\"");
        Node& n = nodes_.emplace_back();
        n.el = el;
        n.id = id;
        n.place = name == "place";
        if (!n.place && !silent(el)) n.label = text_of(el, "name");
      } else if (name == "arc") {
        arcs_.push_back(el);
      } else if (name == "referencePlace" || name == "referenceTransition") {
        refuse(el, "reference nodes (<" + std::string(name) + ">) are not read; flatten the net first");
      }
    }
  }

  static bool silent(pugi::xml_node transition) {
    for (pugi::xml_node c : transition.children())
      if (local(c.name()) == "toolspecific" && std::string_view(c.attribute("activity").value()) == "$invisible$")
        return true;
    std::string label = text_of(transition, "name");
    for (char& c : label) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return label.empty() || label == "tau";
  }

  void link_arcs() {
    for (pugi::xml_node arc : arcs_) {
      const auto s = index_.find(arc.attribute("source").value());
      const auto t = index_.find(arc.attribute("target").value());
      if (s == index_.end() || t == index_.end())
        refuse(arc, std::string("the arc \"") + arc.attribute("id").value() + "\" joins a node that does not exist (\"" +
                        (s == index_.end() ? arc.attribute("source").value() : arc.attribute("target").value()) + "\")");
      if (nodes_[s->second].place == nodes_[t->second].place)
        refuse(arc, std::string("the arc \"") + arc.attribute("id").value() + "\" joins two " +
                        (nodes_[s->second].place ? "places" : "transitions"));
      const std::string weight = text_of(arc, "inscription");
      if (!weight.empty() && weight != "1")
        refuse(arc, "the arc \"" + std::string(arc.attribute("id").value()) + "\" has the weight " + weight +
                        "; a workflow net's arcs carry one token");
      auto& out = nodes_[s->second].out;
      if (std::find(out.begin(), out.end(), t->second) != out.end())
        refuse(arc, "two arcs from \"" + nodes_[s->second].id + "\" to \"" + nodes_[t->second].id + "\"");
      out.push_back(t->second);
      nodes_[t->second].in.push_back(s->second);
    }
  }

  void check_workflow_net() {
    std::vector<std::size_t> sources, sinks;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      const Node& n = nodes_[i];
      if (!n.place && (n.in.empty() || n.out.empty()))
        refuse(n.el, "not a workflow net: the " + what(n) + " has no " + (n.in.empty() ? "input" : "output") +
                         " place");
      if (n.place && n.in.empty()) sources.push_back(i);
      if (n.place && n.out.empty()) sinks.push_back(i);
    }
    const auto ids = [&](const std::vector<std::size_t>& list) {
      std::string s;
      for (std::size_t i : list) s += (s.empty() ? "\"" : ", \"") + nodes_[i].id + "\"";
      return s;
    };
    if (sources.size() != 1)
      refuse(nodes_.empty() ? doc_.document_element() : nodes_[sources.empty() ? 0 : sources[1]].el,
             "not a workflow net: it needs exactly one source place (no arc into it), it has " +
                 (sources.empty() ? std::string("none") : ids(sources)));
    if (sinks.size() != 1)
      refuse(nodes_[sinks.empty() ? 0 : sinks[1]].el,
             "not a workflow net: it needs exactly one sink place (no arc out of it), it has " +
                 (sinks.empty() ? std::string("none") : ids(sinks)));
    source_ = sources[0];
    sink_ = sinks[0];
    const std::vector<bool> from_source = reach(source_, &Node::out), to_sink = reach(sink_, &Node::in);
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (!from_source[i]) refuse(nodes_[i].el, "not a workflow net: the " + what(nodes_[i]) + " cannot be reached from the source place");
      if (!to_sink[i]) refuse(nodes_[i].el, "not a workflow net: the sink place cannot be reached from the " + what(nodes_[i]));
    }
    // No initial marking at all: one token on the source place, as meant.
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (!nodes_[i].place) continue;
      const std::string tokens = text_of(nodes_[i].el, "initialMarking");
      if (tokens.empty() || tokens == "0") continue;
      if (i != source_ || tokens != "1")
        refuse(nodes_[i].el, "the initial marking must be one token on the source place, not " + tokens + " on the " +
                                 what(nodes_[i]));
    }
  }

  std::vector<bool> reach(std::size_t from, std::vector<std::size_t> Node::*next) const {
    std::vector<bool> seen(nodes_.size(), false);
    std::vector<std::size_t> stack{from};
    seen[from] = true;
    while (!stack.empty()) {
      const std::size_t n = stack.back();
      stack.pop_back();
      for (std::size_t m : nodes_[n].*next)
        if (!seen[m]) {
          seen[m] = true;
          stack.push_back(m);
        }
    }
    return seen;
  }

  // Explores the markings from one token on the source place; a firing
  // that would put a second token on a place proves the net not 1-safe.
  void check_safe() {
    std::vector<std::size_t> place_bit(nodes_.size(), 0), transitions;
    std::size_t places = 0;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].place) place_bit[i] = places++;
      else transitions.push_back(i);
    }
    const std::size_t words = (places + 63) / 64;
    using Marking = std::vector<std::uint64_t>;
    auto has = [&](const Marking& m, std::size_t p) { return (m[place_bit[p] / 64] >> (place_bit[p] % 64)) & 1u; };
    auto flip = [&](Marking& m, std::size_t p) { m[place_bit[p] / 64] ^= std::uint64_t{1} << (place_bit[p] % 64); };
    struct Hash {
      std::size_t operator()(const Marking& m) const {
        std::size_t h = 0;
        for (std::uint64_t w : m) h = h * 1000003u ^ std::hash<std::uint64_t>{}(w);
        return h;
      }
    };
    Marking initial(words, 0);
    flip(initial, source_);
    std::unordered_set<Marking, Hash> seen{initial};
    std::deque<Marking> queue{initial};
    while (!queue.empty()) {
      if (seen.size() > max_markings) {
        notes_.push_back("the net has more than " + std::to_string(max_markings) +
                         " reachable markings; it was read without proving it 1-safe");
        return;
      }
      const Marking m = std::move(queue.front());
      queue.pop_front();
      for (std::size_t t : transitions) {
        const Node& n = nodes_[t];
        if (!std::all_of(n.in.begin(), n.in.end(), [&](std::size_t p) { return has(m, p); })) continue;
        Marking next = m;
        for (std::size_t p : n.in) flip(next, p);
        for (std::size_t p : n.out) {
          if (has(next, p))
            refuse(n.el, "not 1-safe: firing the " + what(n) + " can put a second token on the place \"" +
                             nodes_[p].id + "\"");
          flip(next, p);
        }
        if (seen.insert(next).second) queue.push_back(std::move(next));
      }
    }
  }

  // A valid, unique step id made from a PNML id.
  std::string step_id(const std::string& pnml_id) {
    std::string id;
    for (char c : pnml_id.substr(0, 120)) id += id_char(c) ? c : '_';
    if (id.empty()) id = "node";
    std::string unique = id;
    for (int k = 2; !used_ids_.insert(unique).second; ++k) unique = id + "-" + std::to_string(k);
    return unique;
  }

  // A place between one transition and one other (not the source or sink)
  // is a plain transition between their steps, unless another such place
  // already joins the same two (the format allows one transition per pair).
  void choose_collapsed() {
    collapsed_.assign(nodes_.size(), false);
    std::set<std::pair<std::size_t, std::size_t>> joined;
    for (std::size_t p = 0; p < nodes_.size(); ++p) {
      const Node& n = nodes_[p];
      if (!n.place || p == source_ || p == sink_ || n.in.size() != 1 || n.out.size() != 1) continue;
      if (n.in[0] == n.out[0] || !joined.insert({n.in[0], n.out[0]}).second) continue;
      collapsed_[p] = true;
    }
  }

  WorkflowRead build(pugi::xml_node net) {
    json::object top;
    top["baton"] = 1;
    const std::string net_id = net.attribute("id").value();
    top["id"] = step_id(net_id.empty() ? "net" : net_id);
    const std::string name = text_of(net, "name");
    top["name"] = name.empty() ? (net_id.empty() ? "Petri net" : net_id) : name;
    used_ids_.clear();

    std::vector<std::string> ids(nodes_.size());
    json::array steps;
    std::size_t tasks = 0, gateways = 0;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (collapsed_[i]) continue;
      const Node& n = nodes_[i];
      ids[i] = step_id(n.id);
      json::object step;
      step["id"] = ids[i];
      if (i == source_ || i == sink_) {
        // The source and sink places are no transitions: PM4Py counts no
        // move on them. The tag says so to conformance (pnml.hpp).
        step["name"] = i == source_ ? "Start" : "End";
        step["kind"] = i == source_ ? "start" : "end";
        step["tags"] = json::array{"silent"};
      } else if (n.place) {
        const std::string pname = text_of(n.el, "name");
        step["name"] = pname.empty() ? n.id : pname;
        step["kind"] = "gateway";
        ++gateways;
      } else {
        step["name"] = n.label.empty() ? (text_of(n.el, "name").empty() ? n.id : text_of(n.el, "name")) : n.label;
        step["kind"] = n.label.empty() ? "gateway" : "task";
        (n.label.empty() ? gateways : tasks) += 1;
        if (n.in.size() > 1) step["join"] = "and";
        if (n.out.size() > 1) step["split"] = "and";
      }
      sources_["/steps/" + std::to_string(steps.size())] =
          SourceLocation{n.id, line_of(n.el.offset_debug() - 1), column_of(n.el.offset_debug() - 1)};
      steps.push_back(std::move(step));
    }
    json::array transitions;
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (collapsed_[i]) continue;
      for (std::size_t next : nodes_[i].out) {
        json::object t;
        t["from"] = ids[i];
        t["to"] = ids[collapsed_[next] ? nodes_[next].out[0] : next];
        transitions.push_back(std::move(t));
      }
    }
    top["steps"] = std::move(steps);
    top["transitions"] = std::move(transitions);
    notes_.insert(notes_.begin(), "PNML net read: " + std::to_string(tasks) + " labelled transitions as steps, " +
                                      std::to_string(gateways) + " silent transitions and places as gateways");
    WorkflowParts parts;
    try {
      parts = detail::load_parts(top, file_);
    } catch (const LoadError& e) {
      throw LoadError(e.kind(), std::string(file_), "", 1, 1, e.message());
    }
    return {Workflow::make(std::move(parts), std::move(sources_)), std::move(notes_)};
  }

  std::string_view bytes_, file_;
  pugi::xml_document doc_;
  std::vector<Node> nodes_;
  std::vector<pugi::xml_node> arcs_;
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t source_ = 0, sink_ = 0;
  std::vector<bool> collapsed_;
  std::unordered_set<std::string> used_ids_;
  SourceMap sources_;
  std::vector<std::string> notes_;
};

}  // namespace

WorkflowRead load_pnml(std::string_view bytes, std::string_view file) { return Reader(bytes, file).read(); }

}  // namespace baton
