// BPMN 2.0 writer (shared/spec/bpmn.md "Writing", docs/bpmn.md "Writing"):
// what BPMN can say is said in BPMN, the rest in baton's extension elements,
// so that load_bpmn gives back an equal workflow. Positions come from the
// swimlane layout (layout.hpp); nothing here decides where a shape goes.
#include <baton/bpmn.hpp>
#include <baton/layout.hpp>
#include <baton/version.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace baton {
namespace {

constexpr const char* bpmn_uri = "http://www.omg.org/spec/BPMN/20100524/MODEL";

// XML 1.0 cannot carry NUL or most control characters, not even escaped; a
// workflow holding one cannot be written losslessly, so it is refused.
void check_text(std::string_view text, std::string_view where) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", u);
      throw BpmnWriteError("BPMN export: " + std::string(where) + " holds the control character " + code +
                           ", which XML 1.0 cannot carry");
    }
  }
}

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", v);
  std::string s = text;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// pugixml writes a carriage return in element text as it is, and XML
// readers then turn it into a line feed; written as a character reference it
// survives. Attribute values are escaped by pugixml already, and the layout
// of the document itself uses no carriage returns, so every raw '\r' the
// writer sees comes from element text.
class StringWriter : public pugi::xml_writer {
 public:
  void write(const void* data, std::size_t size) override {
    std::string_view rest(static_cast<const char*>(data), size);
    for (std::size_t cr = rest.find('\r'); cr != std::string_view::npos; cr = rest.find('\r')) {
      out.append(rest.substr(0, cr)).append("&#13;");
      rest.remove_prefix(cr + 1);
    }
    out.append(rest);
  }
  std::string out;
};

// What a step is drawn as: its own element, and the gateways the writer adds
// for its split and join (docs/bpmn.md, baton:gatewayOf).
struct StepShape {
  std::string element;           // Step_<id>
  std::string split, join;       // Split_<id> / Join_<id>, empty when not drawn
  std::size_t node = 0;          // index in the layout
  std::size_t split_node = 0, join_node = 0;
  std::size_t lane = 0;          // index in the layout's lanes
};

class Writer {
 public:
  Writer(const Workflow& w, const BpmnWriteOptions& options) : w_(w), p_(w.parts()), options_(options) {}

  std::string write() {
    plan_lanes();
    plan_steps();
    pugi::xml_node declaration = doc_.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    pugi::xml_node defs = doc_.append_child("bpmn:definitions");
    defs.append_attribute("xmlns:bpmn") = bpmn_uri;
    defs.append_attribute("xmlns:bpmndi") = "http://www.omg.org/spec/BPMN/20100524/DI";
    defs.append_attribute("xmlns:dc") = "http://www.omg.org/spec/DD/20100524/DC";
    defs.append_attribute("xmlns:di") = "http://www.omg.org/spec/DD/20100524/DI";
    defs.append_attribute("xmlns:baton") = "urn:baton:bpmn:1";
    defs.append_attribute("id") = "Definitions";
    defs.append_attribute("targetNamespace") = ("urn:baton:workflow:" + p_.id).c_str();
    defs.append_attribute("exporter") = "baton";
    defs.append_attribute("exporterVersion") = version;
    pugi::xml_node collaboration = defs.append_child("bpmn:collaboration");
    collaboration.append_attribute("id") = "Collaboration";
    pugi::xml_node pool = collaboration.append_child("bpmn:participant");
    pool.append_attribute("id") = "Participant";
    pool.append_attribute("name") = p_.name.c_str();
    pool.append_attribute("processRef") = process_id().c_str();
    for (const Artifact& a : p_.artifacts)
      if (is_store(a)) {
        pugi::xml_node store = defs.append_child("bpmn:dataStore");
        store.append_attribute("id") = ("DataStore_" + a.id).c_str();
        store.append_attribute("name") = a.name.c_str();
      }
    write_process(defs);
    if (options_.diagram) write_diagram(defs);
    StringWriter out;
    doc_.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return std::move(out.out);
  }

 private:
  // --- lanes and shapes -------------------------------------------------------------

  static bool is_store(const Artifact& a) { return a.kind && *a.kind == "data store"; }
  std::string process_id() const { return "Process_" + p_.id; }

  // Layout lanes: each team, then its roles (those it lists, then any other a
  // step names), then one lane for steps without a team where there are any.
  void plan_lanes() {
    team_lane_.resize(p_.teams.size());
    roles_.resize(p_.teams.size());
    for (std::size_t t = 0; t < p_.teams.size(); ++t) roles_[t] = p_.teams[t].roles;
    for (const Step& s : p_.steps)
      if (s.team && s.role) {
        auto& roles = roles_[*s.team];
        if (std::find(roles.begin(), roles.end(), *s.role) == roles.end()) roles.push_back(*s.role);
      }
    role_lane_.resize(p_.teams.size());
    for (std::size_t t = 0; t < p_.teams.size(); ++t) {
      team_lane_[t] = layout_.lanes.size();
      layout_.lanes.push_back({"Lane_" + p_.teams[t].id, p_.teams[t].name, std::nullopt});
      for (std::size_t r = 0; r < roles_[t].size(); ++r) {
        role_lane_[t].push_back(layout_.lanes.size());
        layout_.lanes.push_back({"Role_" + p_.teams[t].id + "_" + std::to_string(r), roles_[t][r], team_lane_[t]});
      }
    }
    const bool any_unowned = std::any_of(p_.steps.begin(), p_.steps.end(), [](const Step& s) {
      return s.kind != StepKind::gateway && !s.team;
    });
    if (any_unowned || layout_.lanes.empty()) {
      no_team_lane_ = layout_.lanes.size();
      layout_.lanes.push_back({"NoTeamLane", "", std::nullopt});
    }
  }

  std::size_t lane_of_work(const Step& s) const {
    if (!s.team) return *no_team_lane_;
    if (!s.role) return team_lane_[*s.team];
    const auto& roles = roles_[*s.team];
    return role_lane_[*s.team][static_cast<std::size_t>(std::find(roles.begin(), roles.end(), *s.role) - roles.begin())];
  }

  // A gateway step belongs to no team; it is drawn in the lane of the step it
  // routes from (else to), so that it stands next to its neighbours.
  void place_gateway_steps() {
    std::vector<bool> placed(p_.steps.size(), false);
    for (std::size_t s = 0; s < p_.steps.size(); ++s)
      if (p_.steps[s].kind != StepKind::gateway) {
        shapes_[s].lane = lane_of_work(p_.steps[s]);
        placed[s] = true;
      }
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t s = 0; s < p_.steps.size(); ++s) {
        if (placed[s]) continue;
        for (Index t : w_.incoming(s))
          if (placed[p_.transitions[t].from]) {
            shapes_[s].lane = shapes_[p_.transitions[t].from].lane;
            placed[s] = changed = true;
            break;
          }
        if (placed[s]) continue;
        for (Index t : w_.outgoing(s))
          if (placed[p_.transitions[t].to]) {
            shapes_[s].lane = shapes_[p_.transitions[t].to].lane;
            placed[s] = changed = true;
            break;
          }
      }
    }
    for (std::size_t s = 0; s < p_.steps.size(); ++s)
      if (!placed[s]) shapes_[s].lane = no_team_lane_ ? *no_team_lane_ : 0;
  }

  std::size_t add_node(std::string id, std::string label, std::size_t lane, NodeShape shape, double width,
                       double height) {
    layout_.nodes.push_back({std::move(id), std::move(label), lane, shape, width, height});
    return layout_.nodes.size() - 1;
  }

  // Which steps get a split or join gateway: an XOR or AND split or join
  // that BPMN would not otherwise show (docs/bpmn.md, baton:gatewayOf).
  bool draws_split(std::size_t s) const {
    const Step& st = p_.steps[s];
    if (st.kind == StepKind::gateway) return st.split != st.join;
    return st.split == Gate::parallel || w_.outgoing(s).size() > 1;
  }
  bool draws_join(std::size_t s) const {
    const Step& st = p_.steps[s];
    if (st.kind == StepKind::gateway) return false;
    return st.join == Gate::parallel || w_.incoming(s).size() > 1;
  }

  void plan_steps() {
    shapes_.resize(p_.steps.size());
    place_gateway_steps();
    for (std::size_t s = 0; s < p_.steps.size(); ++s) {
      const Step& st = p_.steps[s];
      StepShape& sh = shapes_[s];
      sh.element = "Step_" + st.id;
      switch (st.kind) {
        case StepKind::start:
        case StepKind::end: sh.node = add_node(sh.element, st.name, sh.lane, NodeShape::circle, 36, 36); break;
        case StepKind::gateway: sh.node = add_node(sh.element, st.name, sh.lane, NodeShape::diamond, 50, 50); break;
        default: sh.node = add_node(sh.element, st.name, sh.lane, NodeShape::box, 100, 80); break;
      }
      if (draws_split(s)) {
        sh.split = "Split_" + st.id;
        sh.split_node = add_node(sh.split, "", sh.lane, NodeShape::diamond, 50, 50);
      }
      if (draws_join(s)) {
        sh.join = "Join_" + st.id;
        sh.join_node = add_node(sh.join, "", sh.lane, NodeShape::diamond, 50, 50);
      }
    }
    // Every sequence flow, in the order written: the transitions, then the
    // flows between a step and its own gateways.
    for (const Transition& t : p_.transitions) {
      const StepShape& a = shapes_[t.from];
      const StepShape& b = shapes_[t.to];
      flows_.push_back({a.split.empty() ? a.element : a.split, b.join.empty() ? b.element : b.join,
                        a.split.empty() ? a.node : a.split_node, b.join.empty() ? b.node : b.join_node,
                        "Flow_" + std::to_string(flows_.size())});
    }
    for (std::size_t s = 0; s < p_.steps.size(); ++s) {
      const StepShape& sh = shapes_[s];
      const std::string& id = p_.steps[s].id;
      if (!sh.join.empty()) flows_.push_back({sh.join, sh.element, sh.join_node, sh.node, "Flow_join_" + id});
      if (!sh.split.empty()) flows_.push_back({sh.element, sh.split, sh.node, sh.split_node, "Flow_split_" + id});
    }
    flows_in_.resize(layout_.nodes.size());
    flows_out_.resize(layout_.nodes.size());
    for (std::size_t f = 0; f < flows_.size(); ++f) {
      layout_.edges.push_back({flows_[f].from_node, flows_[f].to_node,
                               f < p_.transitions.size() ? p_.transitions[f].label.value_or("") : ""});
      flows_out_[flows_[f].from_node].push_back(f);
      flows_in_[flows_[f].to_node].push_back(f);
    }
    // Data objects, each in the lane of the first step that reads or writes it.
    data_node_.assign(p_.artifacts.size(), 0);
    std::vector<std::optional<std::size_t>> lane(p_.artifacts.size());
    for (std::size_t s = 0; s < p_.steps.size(); ++s)
      for (const auto* list : {&p_.steps[s].reads, &p_.steps[s].writes})
        for (Index a : *list)
          if (!lane[a]) lane[a] = shapes_[s].lane;
    for (std::size_t a = 0; a < p_.artifacts.size(); ++a)
      data_node_[a] = add_node(data_reference(a), p_.artifacts[a].name, lane[a].value_or(0), NodeShape::box,
                               is_store(p_.artifacts[a]) ? 50 : 36, 50);
    for (std::size_t s = 0; s < p_.steps.size(); ++s) {
      // Every use places the data object; only associations BPMN has are drawn.
      for (std::size_t i = 0; i < p_.steps[s].reads.size(); ++i) {
        if (reads_in_bpmn(s))
          associations_.push_back({association_id(s, "DataInputAssociation_", i), layout_.edges.size()});
        layout_.edges.push_back({data_node_[p_.steps[s].reads[i]], shapes_[s].node, "", true});
      }
      for (std::size_t i = 0; i < p_.steps[s].writes.size(); ++i) {
        if (writes_in_bpmn(s))
          associations_.push_back({association_id(s, "DataOutputAssociation_", i), layout_.edges.size()});
        layout_.edges.push_back({shapes_[s].node, data_node_[p_.steps[s].writes[i]], "", true});
      }
    }
  }

  // A start event catches, so it has no data inputs; an end event throws,
  // so it has no data outputs. Those go into baton:step instead.
  bool reads_in_bpmn(std::size_t s) const { return p_.steps[s].kind != StepKind::start; }
  bool writes_in_bpmn(std::size_t s) const { return p_.steps[s].kind != StepKind::end; }

  std::string data_reference(std::size_t a) const {
    return (is_store(p_.artifacts[a]) ? "DataStoreReference_" : "DataObjectReference_") + p_.artifacts[a].id;
  }
  std::string association_id(std::size_t s, const char* kind, std::size_t i) const {
    return kind + p_.steps[s].id + "_" + std::to_string(i);
  }

  // --- the process ----------------------------------------------------------------------

  // Every text of the workflow goes through attr or text_child, which check
  // it can be written; `where_` names the object being written.
  static pugi::xml_node child(pugi::xml_node parent, const char* name) { return parent.append_child(name); }
  void attr(pugi::xml_node n, const char* name, const std::string& value) const {
    check_text(value, where_);
    n.append_attribute(name) = value.c_str();
  }
  void opt_attr(pugi::xml_node n, const char* name, const std::optional<std::string>& value) const {
    if (value) attr(n, name, *value);
  }
  pugi::xml_node text_child(pugi::xml_node parent, const char* name, const std::string& text) const {
    check_text(text, where_);
    pugi::xml_node c = parent.append_child(name);
    if (!text.empty()) c.append_child(pugi::node_pcdata).set_value(text.c_str());
    return c;
  }
  static pugi::xml_node extension(pugi::xml_node el, const char* name) {
    return el.append_child("bpmn:extensionElements").append_child(name);
  }

  void write_process(pugi::xml_node defs) {
    where_ = "the workflow's name";
    pugi::xml_node process = child(defs, "bpmn:process");
    attr(process, "id", process_id());
    attr(process, "name", p_.name);
    process.append_attribute("isExecutable") = "false";
    write_workflow_extension(extension(process, "baton:workflow"));
    write_lanes(process);
    for (std::size_t s = 0; s < p_.steps.size(); ++s) {
      write_step(process, s);
      if (!shapes_[s].join.empty()) write_added_gateway(process, s, false);
      if (!shapes_[s].split.empty()) write_added_gateway(process, s, true);
    }
    for (std::size_t f = 0; f < flows_.size(); ++f) {
      if (f < p_.transitions.size())
        where_ = "the transition from '" + p_.steps[p_.transitions[f].from].id + "' to '" +
                 p_.steps[p_.transitions[f].to].id + "'";
      pugi::xml_node flow = child(process, "bpmn:sequenceFlow");
      attr(flow, "id", flows_[f].id);
      if (f < p_.transitions.size() && p_.transitions[f].label) attr(flow, "name", *p_.transitions[f].label);
      attr(flow, "sourceRef", flows_[f].from);
      attr(flow, "targetRef", flows_[f].to);
      if (f < p_.transitions.size() && p_.transitions[f].handover) write_handover(flow, *p_.transitions[f].handover);
    }
    for (std::size_t a = 0; a < p_.artifacts.size(); ++a) {
      const Artifact& art = p_.artifacts[a];
      where_ = "artifact '" + art.id + "'";
      if (is_store(art)) {
        pugi::xml_node ref = child(process, "bpmn:dataStoreReference");
        attr(ref, "id", data_reference(a));
        attr(ref, "name", art.name);
        attr(ref, "dataStoreRef", "DataStore_" + art.id);
      } else {
        pugi::xml_node object = child(process, "bpmn:dataObject");
        attr(object, "id", "DataObject_" + art.id);
        attr(object, "name", art.name);
        pugi::xml_node ref = child(process, "bpmn:dataObjectReference");
        attr(ref, "id", data_reference(a));
        attr(ref, "name", art.name);
        attr(ref, "dataObjectRef", "DataObject_" + art.id);
      }
    }
  }

  void write_workflow_extension(pugi::xml_node wf) {
    where_ = "the workflow";
    wf.append_attribute("format") = "1";
    attr(wf, "id", p_.id);
    opt_attr(wf, "version", p_.version);
    opt_attr(wf, "language", p_.language);
    if (p_.description) text_child(wf, "baton:description", *p_.description);
    if (p_.review) {
      pugi::xml_node r = child(wf, "baton:review");
      if (p_.review->last_reviewed) attr(r, "lastReviewed", p_.review->last_reviewed->to_string());
      if (p_.review->interval_days) attr(r, "intervalDays", std::to_string(*p_.review->interval_days));
      if (p_.review->owner) attr(r, "owner", p_.teams[*p_.review->owner].id);
    }
    for (const Team& t : p_.teams) {
      pugi::xml_node el = listed(wf, "baton:team", "team", t.id, t.name);
      for (const std::string& role : t.roles) text_child(el, "baton:role", role);
    }
    for (const System& s : p_.systems) {
      pugi::xml_node el = listed(wf, "baton:system", "system", s.id, s.name);
    }
    for (const Artifact& a : p_.artifacts) {
      pugi::xml_node el = listed(wf, "baton:artifact", "artifact", a.id, a.name);
      opt_attr(el, "kind", a.kind);
    }
    for (const Template& t : p_.templates) {
      pugi::xml_node el = listed(wf, "baton:template", "template", t.id, t.name);
      if (t.system) attr(el, "system", p_.systems[*t.system].id);
    }
    for (const Requirement& r : p_.requirements) write_requirement(child(wf, "baton:requirement"), r);
    for (const CaseType& c : p_.case_types) {
      pugi::xml_node el = listed(wf, "baton:caseType", "case type", c.id, c.name);
      if (c.description) text_child(el, "baton:description", *c.description);
      for (const Choice& ch : c.choices) {
        pugi::xml_node choice = child(el, "baton:choice");
        attr(choice, "step", p_.steps[ch.step].id);
        attr(choice, "value", ch.written);
      }
    }
    for (const FollowUp& f : p_.follow_up) {
      where_ = "follow-up point '" + f.id + "'";
      pugi::xml_node el = child(wf, "baton:followUp");
      attr(el, "id", f.id);
      if (f.every_days) attr(el, "everyDays", std::to_string(*f.every_days));
      opt_attr(el, "source", f.source);
      if (f.owner) attr(el, "owner", p_.teams[*f.owner].id);
      if (f.last_done) attr(el, "lastDone", f.last_done->to_string());
      text_child(el, "baton:question", f.question);
      for (Index s : f.steps) attr(child(el, "baton:step"), "ref", p_.steps[s].id);
    }
  }

  // An element of one of the workflow's lists, with its id and name.
  pugi::xml_node listed(pugi::xml_node wf, const char* element, const char* kind, const std::string& id,
                        const std::string& name) {
    where_ = std::string(kind) + " '" + id + "'";
    pugi::xml_node el = child(wf, element);
    attr(el, "id", id);
    attr(el, "name", name);
    return el;
  }

  void write_requirement(pugi::xml_node el, const Requirement& r) {
    where_ = "requirement '" + r.id + "'";
    attr(el, "id", r.id);
    opt_attr(el, "source", r.source);
    if (r.case_types) {
      std::string ids;
      for (Index c : *r.case_types) ids += (ids.empty() ? "" : " ") + p_.case_types[c].id;
      attr(el, "caseTypes", ids);
    }
    text_child(el, "baton:text", r.text);
    if (r.rule) {
      pugi::xml_node rule = child(el, "baton:rule");
      attr(rule, "type", std::string(to_string(r.rule->type)));
      if (r.rule->type == RuleType::existence) {
        attr(rule, "steps", r.rule->first.text);
      } else {
        attr(rule, "first", r.rule->first.text);
        attr(rule, "then", r.rule->then.text);
      }
      if (r.rule->within) attr(rule, "within", r.rule->within->to_string());
    }
  }

  void write_lanes(pugi::xml_node process) {
    where_ = "the teams";
    std::vector<std::vector<std::string>> members(layout_.lanes.size());
    for (std::size_t s = 0; s < p_.steps.size(); ++s) {
      const StepShape& sh = shapes_[s];
      members[sh.lane].push_back(sh.element);
      if (!sh.join.empty()) members[sh.lane].push_back(sh.join);
      if (!sh.split.empty()) members[sh.lane].push_back(sh.split);
    }
    pugi::xml_node set = child(process, "bpmn:laneSet");
    attr(set, "id", "LaneSet");
    const auto refs = [&](pugi::xml_node lane, std::size_t l) {
      for (const std::string& m : members[l]) text_child(lane, "bpmn:flowNodeRef", m);
    };
    for (std::size_t t = 0; t < p_.teams.size(); ++t) {
      pugi::xml_node lane = child(set, "bpmn:lane");
      attr(lane, "id", layout_.lanes[team_lane_[t]].id);
      attr(lane, "name", p_.teams[t].name);
      attr(extension(lane, "baton:lane"), "team", p_.teams[t].id);
      refs(lane, team_lane_[t]);
      if (roles_[t].empty()) continue;
      pugi::xml_node inner = child(lane, "bpmn:childLaneSet");
      attr(inner, "id", "LaneSet_" + p_.teams[t].id);
      for (std::size_t r = 0; r < roles_[t].size(); ++r) {
        const std::size_t l = role_lane_[t][r];
        pugi::xml_node role = child(inner, "bpmn:lane");
        attr(role, "id", layout_.lanes[l].id);
        attr(role, "name", roles_[t][r]);
        pugi::xml_node mark = extension(role, "baton:lane");
        attr(mark, "team", p_.teams[t].id);
        attr(mark, "role", roles_[t][r]);
        refs(role, l);
      }
    }
    if (no_team_lane_) {
      pugi::xml_node lane = child(set, "bpmn:lane");
      attr(lane, "id", layout_.lanes[*no_team_lane_].id);
      refs(lane, *no_team_lane_);
    }
  }

  static const char* element_of(StepKind kind, Gate gate) {
    switch (kind) {
      case StepKind::start: return "bpmn:startEvent";
      case StepKind::end: return "bpmn:endEvent";
      case StepKind::gateway: return gate == Gate::parallel ? "bpmn:parallelGateway" : "bpmn:exclusiveGateway";
      default: return "bpmn:task";
    }
  }

  void write_step(pugi::xml_node process, std::size_t s) {
    const Step& st = p_.steps[s];
    where_ = "step '" + st.id + "'";
    pugi::xml_node el = child(process, element_of(st.kind, st.join));
    attr(el, "id", shapes_[s].element);
    attr(el, "name", st.name);
    if (st.description) text_child(el, "bpmn:documentation", *st.description);
    pugi::xml_node mark = extension(el, "baton:step");
    attr(mark, "id", st.id);
    attr(mark, "kind", std::string(to_string(st.kind)));
    if (st.duration) attr(mark, "duration", st.duration->to_string());
    for (const Control& c : st.checks) {
      pugi::xml_node check = child(mark, "baton:check");
      attr(check, "artifact", p_.artifacts[c.artifact].id);
      attr(check, "aspect", c.aspect);
    }
    if (st.it) {
      pugi::xml_node it = child(mark, "baton:it");
      if (st.it->system) attr(it, "system", p_.systems[*st.it->system].id);
      opt_attr(it, "function", st.it->function);
      for (Index a : st.it->records) attr(child(it, "baton:record"), "artifact", p_.artifacts[a].id);
    }
    for (Index t : st.templates) attr(child(mark, "baton:template"), "ref", p_.templates[t].id);
    for (Index r : st.satisfies) attr(child(mark, "baton:satisfies"), "requirement", p_.requirements[r].id);
    for (const std::string& tag : st.tags) text_child(mark, "baton:tag", tag);
    if (!reads_in_bpmn(s))
      for (Index a : st.reads) attr(child(mark, "baton:read"), "artifact", p_.artifacts[a].id);
    if (!writes_in_bpmn(s))
      for (Index a : st.writes) attr(child(mark, "baton:write"), "artifact", p_.artifacts[a].id);
    write_flow_refs(el, shapes_[s].node);
    write_data_associations(el, s);
  }

  // The optional incoming/outgoing lists, for tools that read the flows from
  // them (the reader, as the contract says, takes sourceRef/targetRef).
  void write_flow_refs(pugi::xml_node el, std::size_t node) const {
    for (std::size_t f : flows_in_[node]) text_child(el, "bpmn:incoming", flows_[f].id);
    for (std::size_t f : flows_out_[node]) text_child(el, "bpmn:outgoing", flows_[f].id);
  }

  // As bpmn.io writes them: an input association targets a placeholder
  // property of the task, an output association has only its target.
  void write_data_associations(pugi::xml_node el, std::size_t s) {
    if (reads_in_bpmn(s)) write_inputs(el, s);
    if (writes_in_bpmn(s)) write_outputs(el, s);
  }

  void write_inputs(pugi::xml_node el, std::size_t s) {
    const Step& st = p_.steps[s];
    if (!st.reads.empty()) {
      pugi::xml_node property = child(el, "bpmn:property");
      attr(property, "id", "Property_" + st.id);
      attr(property, "name", "__targetRef_placeholder");
    }
    for (std::size_t i = 0; i < st.reads.size(); ++i) {
      pugi::xml_node a = child(el, "bpmn:dataInputAssociation");
      attr(a, "id", association_id(s, "DataInputAssociation_", i));
      text_child(a, "bpmn:sourceRef", data_reference(st.reads[i]));
      text_child(a, "bpmn:targetRef", "Property_" + st.id);
    }
  }

  void write_outputs(pugi::xml_node el, std::size_t s) {
    const Step& st = p_.steps[s];
    for (std::size_t i = 0; i < st.writes.size(); ++i) {
      pugi::xml_node a = child(el, "bpmn:dataOutputAssociation");
      attr(a, "id", association_id(s, "DataOutputAssociation_", i));
      text_child(a, "bpmn:targetRef", data_reference(st.writes[i]));
    }
  }

  void write_added_gateway(pugi::xml_node process, std::size_t s, bool split) {
    const Step& st = p_.steps[s];
    const Gate gate = split ? st.split : st.join;
    pugi::xml_node el = child(process, gate == Gate::parallel ? "bpmn:parallelGateway" : "bpmn:exclusiveGateway");
    attr(el, "id", split ? shapes_[s].split : shapes_[s].join);
    pugi::xml_node mark = extension(el, "baton:gatewayOf");
    attr(mark, "step", st.id);
    mark.append_attribute("side") = split ? "split" : "join";
    write_flow_refs(el, split ? shapes_[s].split_node : shapes_[s].join_node);
  }

  void write_handover(pugi::xml_node flow, const Handover& h) {
    pugi::xml_node el = extension(flow, "baton:handover");
    if (h.how) text_child(el, "baton:how", *h.how);
    if (h.responsible) {
      pugi::xml_node r = child(el, "baton:responsible");
      attr(r, "team", p_.teams[h.responsible->team].id);
      opt_attr(r, "role", h.responsible->role);
    }
  }

  // --- the diagram ----------------------------------------------------------------------

  // The pool's header strip left of the lanes, and a margin round it all.
  static constexpr double pool_header = 30, margin = 20;

  void bounds(pugi::xml_node parent, const Box& b) const {
    pugi::xml_node el = child(parent, "dc:Bounds");
    attr(el, "x", number(b.x + margin + pool_header));
    attr(el, "y", number(b.y + margin));
    attr(el, "width", number(b.width));
    attr(el, "height", number(b.height));
  }
  pugi::xml_node shape(pugi::xml_node plane, const std::string& element, const Box& b, bool horizontal = false) const {
    pugi::xml_node el = child(plane, "bpmndi:BPMNShape");
    attr(el, "id", "DI_" + element);
    attr(el, "bpmnElement", element);
    if (horizontal) el.append_attribute("isHorizontal") = "true";
    bounds(el, b);
    return el;
  }
  void edge(pugi::xml_node plane, const std::string& element, const std::vector<Point>& points) const {
    pugi::xml_node el = child(plane, "bpmndi:BPMNEdge");
    attr(el, "id", "DI_" + element);
    attr(el, "bpmnElement", element);
    for (const Point& p : points) {
      pugi::xml_node w = child(el, "di:waypoint");
      attr(w, "x", number(p.x + margin + pool_header));
      attr(w, "y", number(p.y + margin));
    }
  }

  void write_diagram(pugi::xml_node defs) {
    const Layout layout = lay_out_swimlanes(layout_);
    pugi::xml_node diagram = child(defs, "bpmndi:BPMNDiagram");
    attr(diagram, "id", "BPMNDiagram");
    pugi::xml_node plane = child(diagram, "bpmndi:BPMNPlane");
    attr(plane, "id", "BPMNPlane");
    attr(plane, "bpmnElement", "Collaboration");
    shape(plane, "Participant", {-pool_header, 0, layout.bounds.width + pool_header, layout.bounds.height}, true);
    for (std::size_t l = 0; l < layout_.lanes.size(); ++l) shape(plane, layout_.lanes[l].id, layout.lanes[l], true);
    for (std::size_t n = 0; n < layout_.nodes.size(); ++n) shape(plane, layout_.nodes[n].id, layout.nodes[n]);
    for (std::size_t f = 0; f < flows_.size(); ++f) {
      edge(plane, flows_[f].id, layout.edges[f]);
      if (!layout_.edges[f].label.empty()) {
        // Room for the label beside the middle of its longest segment.
        const double width = std::min(150.0, 7.0 * static_cast<double>(layout_.edges[f].label.size()) + 10);
        const Point c = layout.edge_labels[f];
        bounds(child(plane.last_child(), "bpmndi:BPMNLabel"), {c.x - width / 2, c.y - 20, width, 14});
      }
    }
    for (const Association& a : associations_) edge(plane, a.id, layout.edges[a.edge]);
  }

  struct Flow {
    std::string from, to;
    std::size_t from_node = 0, to_node = 0;
    std::string id;
  };
  struct Association {
    std::string id;
    std::size_t edge = 0;
  };

  const Workflow& w_;
  const WorkflowParts& p_;
  const BpmnWriteOptions& options_;
  std::string where_ = "the workflow's name";
  pugi::xml_document doc_;
  LayoutInput layout_;
  std::vector<std::size_t> team_lane_;
  std::vector<std::vector<std::string>> roles_;
  std::vector<std::vector<std::size_t>> role_lane_;
  std::optional<std::size_t> no_team_lane_;
  std::vector<StepShape> shapes_;
  std::vector<Flow> flows_;
  std::vector<std::vector<std::size_t>> flows_in_, flows_out_;  // per layout node, indices into flows_
  std::vector<std::size_t> data_node_;
  std::vector<Association> associations_;
};

}  // namespace

std::string to_bpmn(const Workflow& workflow, const BpmnWriteOptions& options) {
  return Writer(workflow, options).write();
}

std::string to_bpmn(const Workflow& workflow) { return to_bpmn(workflow, {}); }

}  // namespace baton
