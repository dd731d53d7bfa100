// The handbook: one content code path (the pages below) written through a
// small Writer, once as HTML and once as Markdown, so both carry the same
// content. Diagrams come from lay_out_swimlanes; this file only draws them.
#include <baton/handbook.hpp>


#include <baton/diff.hpp>
#include <baton/impact.hpp>
#include <baton/layout.hpp>
#include <baton/messages.hpp>
#include <baton/output_file.hpp>
#include <baton/walk.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace baton {
namespace {

std::string escape_html(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_markdown(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '#' || c == '|') out += '\\';
    out += c;
  }
  return out;
}

// A piece of running text, a link where `href` is set.
struct Piece {
  std::string text, href;
};
using Line = std::vector<Piece>;

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void heading(int level, const std::string& text, const std::string& anchor = {}) = 0;
  virtual void para(const Line& line) = 0;
  virtual void list(const std::vector<Line>& items) = 0;
  virtual void diagram(const std::string& svg, const std::string& alt, const std::string& svg_file) = 0;
  virtual std::string finish(const std::string& title, const std::vector<Piece>& nav, Lang lang) = 0;
  void para(const std::string& text) { para(Line{{text, {}}}); }
};

constexpr const char* style = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.5;margin:0;color:#1b1b1b;background:#fff}
header,main{max-width:72rem;margin:0 auto;padding:0 1.5rem}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
nav{border-bottom:1px solid #ccc;padding:.5rem 0}
a{color:#0b5cad}
a:focus{outline:3px solid #f0a500}
h1{font-size:1.8rem}h2{font-size:1.35rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.1rem;margin-bottom:.25rem}
figure{margin:1rem 0;overflow-x:auto;border:1px solid #ddd}
figcaption{font-size:.9rem;padding:.25rem .5rem;color:#444}
svg text{font-family:system-ui,sans-serif}
@media print{nav{display:none}body{font-size:11pt}a{color:inherit;text-decoration:none}
 figure{overflow:visible;border:none}svg{max-width:100%;height:auto}h2,h3{break-after:avoid}li{break-inside:avoid}
 @page{size:A4;margin:15mm}}
)";

class HtmlWriter : public Writer {
 public:
  void heading(int level, const std::string& text, const std::string& anchor) override {
    const std::string h = "h" + std::to_string(level);
    body_ += "<" + h + (anchor.empty() ? "" : " id=\"" + escape_html(anchor) + "\"") + ">" + escape_html(text) + "</" +
             h + ">\n";
  }
  void para(const Line& line) override { body_ += "<p>" + pieces(line) + "</p>\n"; }
  void list(const std::vector<Line>& items) override {
    body_ += "<ul>\n";
    for (const Line& l : items) body_ += "<li>" + pieces(l) + "</li>\n";
    body_ += "</ul>\n";
  }
  void diagram(const std::string& svg, const std::string& alt, const std::string&) override {
    body_ += "<figure>\n" + svg + "<figcaption>" + escape_html(alt) + "</figcaption>\n</figure>\n";
  }
  std::string finish(const std::string& title, const std::vector<Piece>& nav, Lang lang) override {
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(to_string(lang)) +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
                      "initial-scale=1\">\n<title>" + escape_html(title) + "</title>\n<style>" + style +
                      "</style>\n</head>\n<body>\n<header>\n<nav aria-label=\"" + escape_html(say(lang, Msg::doc_nav)) +
                      "\"><ul>\n";
    for (const Piece& p : nav) out += "<li><a href=\"" + escape_html(p.href) + "\">" + escape_html(p.text) + "</a></li>\n";
    return out + "</ul></nav>\n</header>\n<main>\n" + body_ + "</main>\n</body>\n</html>\n";
  }

 private:
  static std::string pieces(const Line& line) {
    std::string out;
    for (const Piece& p : line)
      out += p.href.empty() ? escape_html(p.text) : "<a href=\"" + escape_html(p.href) + "\">" + escape_html(p.text) + "</a>";
    return out;
  }
  std::string body_;
};

class MarkdownWriter : public Writer {
 public:
  void heading(int level, const std::string& text, const std::string& anchor) override {
    body_ += (anchor.empty() ? "" : "<a id=\"" + anchor + "\"></a>\n\n") + std::string(level, '#') + " " +
             escape_markdown(text) + "\n\n";
  }
  void para(const Line& line) override { body_ += pieces(line) + "\n\n"; }
  void list(const std::vector<Line>& items) override {
    for (const Line& l : items) body_ += "- " + pieces(l) + "\n";
    body_ += "\n";
  }
  void diagram(const std::string&, const std::string& alt, const std::string& svg_file) override {
    body_ += "![" + escape_markdown(alt) + "](" + svg_file + ")\n\n";
  }
  std::string finish(const std::string&, const std::vector<Piece>& nav, Lang) override {
    std::string out;
    for (std::size_t i = 0; i < nav.size(); ++i) out += (i ? " · " : "") + std::string("[") + escape_markdown(nav[i].text) + "](" + nav[i].href + ")";
    return out + "\n\n" + body_;
  }

 private:
  static std::string pieces(const Line& line) {
    std::string out;
    for (const Piece& p : line) out += p.href.empty() ? escape_markdown(p.text) : "[" + escape_markdown(p.text) + "](" + p.href + ")";
    return out;
  }
  std::string body_;
};

// ---- The diagram

std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::istringstream words(text);
  std::string word, line;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::string swimlane_svg(const Workflow& wf, const std::vector<Index>& chosen, Lang lang, const std::string& link_prefix) {
  std::vector<Index> steps = chosen;
  if (steps.empty())
    for (Index s = 0; s < wf.steps().size(); ++s) steps.push_back(s);
  const std::set<Index> shown(steps.begin(), steps.end());

  // The team a step's lane belongs to: its own, else (start, end, gateways)
  // that of a neighbour, so the diagram has no lane of its own for them.
  auto lane_team = [&](Index s) -> std::optional<Index> {
    if (wf.step(s).team) return wf.step(s).team;
    for (Index t : wf.outgoing(s))
      if (wf.step(wf.transition(t).to).team) return wf.step(wf.transition(t).to).team;
    for (Index t : wf.incoming(s))
      if (wf.step(wf.transition(t).from).team) return wf.step(wf.transition(t).from).team;
    return std::nullopt;
  };
  LayoutInput in;
  std::map<std::pair<std::optional<Index>, std::string>, std::size_t> lane_of;  // (team, role) -> lane
  bool unowned = false;
  for (Index s : steps) unowned |= !lane_team(s).has_value();
  for (Index t = 0; t < wf.teams().size(); ++t) {
    bool used = false;
    std::set<std::string> roles;
    bool roleless = false;
    for (Index s : steps)
      if (lane_team(s) == t) {
        used = true;
        if (wf.step(s).team && wf.step(s).role) roles.insert(*wf.step(s).role);
        else roleless = true;
      }
    if (!used) continue;
    const std::size_t lane = in.lanes.size();
    in.lanes.push_back({wf.teams()[t].id, wf.teams()[t].name, {}});
    lane_of[{t, ""}] = lane;
    if (roles.empty()) continue;
    // Roles as sub-lanes, in the order the team lists them; a sub-lane
    // without a role name for the rest.
    for (const std::string& role : wf.teams()[t].roles)
      if (roles.contains(role)) {
        lane_of[{t, role}] = in.lanes.size();
        in.lanes.push_back({wf.teams()[t].id + "." + role, role, lane});
      }
    if (roleless) {
      lane_of[{t, ""}] = in.lanes.size();
      in.lanes.push_back({wf.teams()[t].id + ".", "\u2013", lane});
    }
  }
  if (unowned) {
    lane_of[{std::nullopt, ""}] = in.lanes.size();
    in.lanes.push_back({"-", say(lang, Msg::doc_no_team), {}});
  }
  std::map<Index, std::size_t> node_of;
  for (Index s : steps) {
    const Step& step = wf.step(s);
    const auto team = lane_team(s);
    const std::string role = step.team && step.role ? *step.role : "";
    LayoutNode n;
    n.id = step.id;
    n.label = step.name;
    n.lane = lane_of.count({team, role}) ? lane_of[{team, role}] : lane_of[{team, ""}];
    // Work (tasks, controls, decisions) is a box; only routing is a diamond.
    if (step.kind == StepKind::gateway) {
      n.shape = NodeShape::diamond;
      n.width = n.height = 40;
    }
    if (step.kind == StepKind::start || step.kind == StepKind::end) {
      n.shape = NodeShape::circle;
      n.width = n.height = 40;
    }
    node_of[s] = in.nodes.size();
    in.nodes.push_back(std::move(n));
  }
  std::vector<bool> handover;
  for (const Transition& t : wf.transitions())
    if (shown.contains(t.from) && shown.contains(t.to)) {
      in.edges.push_back({node_of[t.from], node_of[t.to], t.label.value_or("")});
      const auto a = wf.step(t.from).team, b = wf.step(t.to).team;
      handover.push_back(lane_team(t.from) != lane_team(t.to) || (a && b && a != b));
    }
  const Layout out = lay_out_swimlanes(in);

  const double w = out.bounds.x + out.bounds.width + 10, h = out.bounds.y + out.bounds.height + 10;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + num(w) + "\" height=\"" +
                    num(h) + "\" viewBox=\"0 0 " + num(w) + " " + num(h) + "\" aria-labelledby=\"svg-title\">\n";
  svg += "<title id=\"svg-title\">" +
         escape_html(say(lang, Msg::doc_diagram, {{"n", std::to_string(steps.size())}, {"lanes", std::to_string(in.lanes.size())}})) +
         "</title>\n";
  svg += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
         "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker>"
         "<marker id=\"arrow-handover\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" "
         "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c2410c\"/></marker></defs>\n";
  for (std::size_t l = 0; l < in.lanes.size(); ++l) {
    const Box& b = out.lanes[l];
    const bool sub = in.lanes[l].parent.has_value();
    svg += "<rect class=\"lane\" data-lane=\"" + std::to_string(l) + "\" x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.width) + "\" height=\"" +
           num(b.height) + "\" fill=\"" + (sub ? "none" : (l % 2 ? "#f3f6fa" : "#fbfcfd")) + "\" stroke=\"#9aa7b4\"/>\n";
    const bool has_sub_lanes = std::ranges::any_of(in.lanes, [&](const LayoutLane& x) { return x.parent == l; });
    if (has_sub_lanes)  // the team's name runs up its header strip, the roles' names sit in theirs
      // Smaller letters where a long name would not fit the lane's height.
      svg += "<text transform=\"translate(" + num(b.x + 15) + "," + num(b.y + b.height / 2) +
             ") rotate(-90)\" font-size=\"" +
             num(std::clamp(b.height / (0.62 * static_cast<double>(in.lanes[l].label.size()) + 1), 7.0, 12.0)) +
             "\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#34495e\">" +
             escape_html(in.lanes[l].label) + "</text>\n";
    else
      svg += "<text x=\"" + num(b.x + 8) + "\" y=\"" + num(b.y + 16) + "\" font-size=\"12\" font-weight=\"" +
             (sub ? "normal" : "bold") + "\" fill=\"#34495e\">" + escape_html(in.lanes[l].label) + "</text>\n";
  }
  for (std::size_t e = 0; e < in.edges.size(); ++e) {
    std::string points;
    for (const Point& p : out.edges[e]) points += num(p.x) + "," + num(p.y) + " ";
    svg += handover[e] ? "<polyline class=\"handover\" fill=\"none\" stroke=\"#c2410c\" stroke-width=\"3\" "
                         "stroke-dasharray=\"8 4\" marker-end=\"url(#arrow-handover)\" points=\"" + points + "\"/>\n"
                       : "<polyline fill=\"none\" stroke=\"#333\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\" points=\"" +
                             points + "\"/>\n";
    if (!in.edges[e].label.empty())
      svg += "<text x=\"" + num(out.edge_labels[e].x) + "\" y=\"" + num(out.edge_labels[e].y - 3) +
             "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">" + escape_html(in.edges[e].label) + "</text>\n";
  }
  for (std::size_t n = 0; n < in.nodes.size(); ++n) {
    const Box& b = out.nodes[n];
    const double cx = b.x + b.width / 2, cy = b.y + b.height / 2;
    // data-lane names the band the step is drawn in, so a test can check it
    // lies inside it.
    svg += "<a href=\"" + escape_html(link_prefix + "#step-" + in.nodes[n].id) + "\" data-lane=\"" +
           std::to_string(in.nodes[n].lane) + "\" data-box=\"" + num(b.x) + " " + num(b.y) + " " + num(b.width) + " " +
           num(b.height) + "\"><title>" + escape_html(in.nodes[n].label) + "</title>";
    switch (in.nodes[n].shape) {
      case NodeShape::box:
        svg += "<rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.width) + "\" height=\"" +
               num(b.height) + "\" rx=\"8\" fill=\"#fff\" stroke=\"#1f4e79\" stroke-width=\"1.5\"/>";
        break;
      case NodeShape::diamond:
        svg += "<polygon points=\"" + num(cx) + "," + num(b.y) + " " + num(b.x + b.width) + "," + num(cy) + " " + num(cx) +
               "," + num(b.y + b.height) + " " + num(b.x) + "," + num(cy) + "\" fill=\"#fffbe6\" stroke=\"#8a6d00\" stroke-width=\"1.5\"/>";
        break;
      case NodeShape::circle:
        svg += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(b.width / 2) +
               "\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"2\"/>";
        break;
    }
    {
      // Boxes carry their name; start, end and gateways carry theirs in the
      // title only (they are small).
      const auto lines = in.nodes[n].shape == NodeShape::box ? wrap(in.nodes[n].label, 16) : std::vector<std::string>{};
      const std::size_t shown_lines = std::min<std::size_t>(lines.size(), 4);
      for (std::size_t i = 0; i < shown_lines; ++i)
        svg += "<text x=\"" + num(cx) + "\" y=\"" + num(cy + (static_cast<double>(i) - (shown_lines - 1) / 2.0) * 13 + 4) +
               "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#111\">" +
               escape_html(i == 3 && lines.size() > 4 ? lines[i] + "\u2026" : lines[i]) + "</text>";
    }
    svg += "</a>\n";
  }
  return svg + "</svg>\n";
}

namespace {

class Pages {
 public:
  Pages(const Workflow& wf, const HandbookOptions& o)
      : wf_(wf), o_(o), lang_(o.lang.value_or(language_of(wf))), ext_(o.form == HandbookForm::html ? ".html" : ".md") {
    CheckOptions checks = o.checks;
    checks.lang = lang_;
    report_ = run_checks(wf, checks);
    for (Index s : steps_in_run_order(wf, nullptr)) order_.push_back(s);
    // Steps no case reaches still belong to their team's page.
    const std::set<Index> reached(order_.begin(), order_.end());
    for (Index s = 0; s < wf.steps().size(); ++s)
      if (!reached.contains(s) && wf.step(s).kind != StepKind::gateway) order_.push_back(s);
    if (o.old) {
      DiffOptions d;
      d.lang = lang_;
      d.checks = o.checks;
      diff_ = diff_workflows(*o.old, wf, d);
    }
  }

  std::vector<HandbookPage> all() {
    std::vector<HandbookPage> out;
    out.push_back(front());
    out.push_back(whole());
    for (const CaseType& c : wf_.case_types()) out.push_back(case_type(c));
    for (Index t = 0; t < wf_.teams().size(); ++t) out.push_back(team(t));
    for (Index r = 0; r < wf_.requirements().size(); ++r) out.push_back(requirement(r));
    out.push_back(findings());
    if (diff_) out.push_back(changes());
    for (auto& extra : svg_files_) out.push_back(std::move(extra));
    return out;
  }

 private:
  std::string say(Msg id, std::initializer_list<MessageArg> args = {}) const { return baton::say(lang_, id, args); }
  std::string q(std::string_view s) const { return quote(lang_, s); }
  std::string file(const std::string& base) const { return base + ext_; }
  std::string team_file(Index t) const { return file("team-" + wf_.teams()[t].id); }
  std::string step_link(Index s) const { return file("workflow") + "#step-" + wf_.step(s).id; }
  std::unique_ptr<Writer> writer() const {
    if (o_.form == HandbookForm::html) return std::make_unique<HtmlWriter>();
    return std::make_unique<MarkdownWriter>();
  }
  std::vector<Piece> nav() const {
    std::vector<Piece> n = {{say(Msg::doc_front), file("index")}, {say(Msg::doc_whole), file("workflow")}};
    for (Index t = 0; t < wf_.teams().size(); ++t) n.push_back({wf_.teams()[t].name, team_file(t)});
    n.push_back({say(Msg::doc_findings), file("findings")});
    if (diff_) n.push_back({say(Msg::doc_changes), file("changes")});
    return n;
  }
  HandbookPage page(const std::string& base, const std::string& title, Writer& w) const {
    return {file(base), title, w.finish(title + " \u2013 " + wf_.name(), nav(), lang_)};
  }
  std::string owner(const Step& s) const {
    if (!s.team) return say(Msg::nobody);
    const std::string& team = wf_.teams()[*s.team].name;
    return s.role ? say(Msg::role_of_team, {{"role", *s.role}, {"team", team}}) : team;
  }
  void add_diagram(Writer& w, const std::string& base, const std::vector<Index>& steps) {
    const std::string svg = swimlane_svg(wf_, steps, lang_, file("workflow"));
    const std::string alt = say(Msg::doc_diagram, {{"n", std::to_string(steps.empty() ? wf_.steps().size() : steps.size())},
                                                   {"lanes", std::to_string(wf_.teams().size())}});
    w.diagram(svg, alt, base + ".svg");
    if (o_.form == HandbookForm::markdown) svg_files_.push_back({base + ".svg", alt, svg});
  }

  // A step as the team and case type pages show it: what, who, IT, records,
  // templates, requirements, deadline.
  void step_block(Writer& w, Index s, bool anchor) const {
    const Step& step = wf_.step(s);
    w.heading(3, step.name, anchor ? "step-" + step.id : "");
    if (!anchor) w.para(Line{{q(step.name), step_link(s)}});
    if (step.description) w.para(*step.description);
    std::vector<Line> facts;
    facts.push_back({{say(Msg::walk_who) + ": " + owner(step), {}}});
    if (step.it) {
      std::string it = step.it->system ? wf_.systems()[*step.it->system].name : say(Msg::none_given);
      if (step.it->function) it += ": " + *step.it->function;
      facts.push_back({{say(Msg::walk_it) + ": " + it, {}}});
      if (!step.it->records.empty()) {
        std::vector<std::string> names;
        for (Index a : step.it->records) names.push_back(wf_.artifacts()[a].name);
        facts.push_back({{say(Msg::walk_record) + ": " + join_words(lang_, names), {}}});
      }
    }
    if (!step.templates.empty()) {
      std::vector<std::string> names;
      for (Index t : step.templates) names.push_back(wf_.templates()[t].name);
      facts.push_back({{say(Msg::walk_templates) + ": " + join_words(lang_, names), {}}});
    }
    if (!step.satisfies.empty()) {
      Line l{{say(Msg::walk_requirements) + ": ", {}}};
      for (std::size_t i = 0; i < step.satisfies.size(); ++i) {
        if (i) l.push_back({", ", {}});
        l.push_back({wf_.requirements()[step.satisfies[i]].id, file("requirement-" + wf_.requirements()[step.satisfies[i]].id)});
      }
      facts.push_back(l);
    }
    if (step.duration) facts.push_back({{say(Msg::walk_duration) + ": " + describe_duration(*step.duration, lang_), {}}});
    w.list(facts);
  }

  HandbookPage front() {
    auto w = writer();
    w->heading(1, wf_.name());
    if (wf_.parts().description) w->para(*wf_.parts().description);
    if (wf_.parts().version) w->para(say(Msg::doc_version, {{"version", *wf_.parts().version}}));
    if (const auto& r = wf_.parts().review; r && r->last_reviewed && r->interval_days)
      w->para(say(Msg::doc_reviewed, {{"date", r->last_reviewed->to_string()}, {"every", std::to_string(*r->interval_days)}}));
    w->para(Line{{say(Msg::doc_result, {{"errors", std::to_string(report_.count(Severity::error))},
                                        {"warnings", std::to_string(report_.count(Severity::warning))},
                                        {"infos", std::to_string(report_.count(Severity::info))}}) + " ", {}},
                 {say(Msg::doc_findings), file("findings")}});
    w->para(Line{{say(Msg::doc_whole), file("workflow")}});
    w->heading(2, say(Msg::doc_teams));
    std::vector<Line> teams;
    for (Index t = 0; t < wf_.teams().size(); ++t) teams.push_back({{wf_.teams()[t].name, team_file(t)}});
    w->list(teams);
    w->heading(2, say(Msg::doc_case_types));
    std::vector<Line> cases;
    for (const CaseType& c : wf_.case_types()) cases.push_back({{c.name, file("case-type-" + c.id)}});
    w->list(cases);
    w->heading(2, say(Msg::doc_requirements));
    std::vector<Line> reqs;
    for (const Requirement& r : wf_.requirements())
      reqs.push_back({{r.id, file("requirement-" + r.id)}, {": " + r.text + (r.source ? " (" + *r.source + ")" : ""), {}}});
    w->list(reqs);
    w->heading(2, say(Msg::doc_follow_up));
    std::vector<Line> points;
    for (const FollowUp& f : wf_.follow_up()) {
      std::string line = f.question;
      if (f.owner) line += " \u2013 " + say(Msg::agenda_owner, {{"team", wf_.teams()[*f.owner].name}});
      if (f.due()) line += " \u2013 " + say(Msg::doc_due, {{"due", f.due()->to_string()}});
      points.push_back({{line, {}}});
    }
    if (points.empty()) w->para(say(Msg::doc_none));
    else w->list(points);
    return page("index", wf_.name(), *w);
  }

  HandbookPage whole() {
    auto w = writer();
    w->heading(1, say(Msg::doc_whole));
    add_diagram(*w, "workflow", {});
    w->heading(2, say(Msg::doc_steps));
    for (Index s : order_)
      if (wf_.step(s).kind != StepKind::gateway) step_block(*w, s, true);
    return page("workflow", say(Msg::doc_whole), *w);
  }

  HandbookPage case_type(const CaseType& c) {
    auto w = writer();
    const std::string title = say(Msg::doc_case_type, {{"name", c.name}});
    w->heading(1, title);
    if (c.description) w->para(*c.description);
    const std::vector<Index> steps = steps_in_run_order(wf_, &c);
    // The diagram shows only the steps its runs reach (gateways included, so
    // the ways between them stay connected).
    std::vector<Index> drawn = steps;
    for (Index s = 0; s < wf_.steps().size(); ++s)
      if (wf_.step(s).kind == StepKind::gateway) drawn.push_back(s);
    add_diagram(*w, "case-type-" + c.id, drawn);
    w->heading(2, say(Msg::doc_steps));
    for (Index s : steps) step_block(*w, s, false);
    return page("case-type-" + c.id, title, *w);
  }

  std::string handover_line(const HandoverPath& h, bool received) const {
    const Handover* how = wf_.handover_of(h);
    const Step &from = wf_.step(h.from), &to = wf_.step(h.to);
    std::string responsible = say(Msg::nobody);
    if (how && how->responsible) {
      const std::string& team = wf_.teams()[how->responsible->team].name;
      responsible = how->responsible->role ? say(Msg::role_of_team, {{"role", *how->responsible->role}, {"team", team}}) : team;
    }
    const std::string other = owner(received ? from : to);
    return say(received ? Msg::doc_received_from : Msg::doc_handed_to,
               {{"team", other}, {"from", q(from.name)}, {"to", q(to.name)},
                {"how", how && how->how ? *how->how : say(Msg::walk_not_described)}, {"responsible", responsible}});
  }

  HandbookPage team(Index t) {
    auto w = writer();
    const Team& team = wf_.teams()[t];
    const std::string title = say(Msg::doc_your_work, {{"team", team.name}});
    w->heading(1, title);
    w->heading(2, say(Msg::doc_your_steps));
    bool any = false;
    for (Index s : order_)
      if (wf_.step(s).team == t) {
        step_block(*w, s, false);
        any = true;
      }
    if (!any) w->para(say(Msg::doc_none));
    std::vector<Line> in, out;
    for (const HandoverPath& h : wf_.handovers()) {
      if (wf_.step(h.to).team == t) in.push_back({{handover_line(h, true), {}}});
      if (wf_.step(h.from).team == t) out.push_back({{handover_line(h, false), {}}});
    }
    w->heading(2, say(Msg::doc_receive));
    if (in.empty()) w->para(say(Msg::doc_none));
    else w->list(in);
    w->heading(2, say(Msg::doc_hand_on));
    if (out.empty()) w->para(say(Msg::doc_none));
    else w->list(out);
    if (o_.old) {
      DiffOptions d;
      d.lang = lang_;
      d.checks = o_.checks;
      // A team the old version lacked is new altogether: all its work is new.
      d.team = team.id;
      const WorkflowDiff mine = diff_workflows(*o_.old, wf_, d);
      w->heading(2, say(Msg::doc_changes_for_you));
      std::vector<Line> lines;
      for (const Change& c : mine.changes) lines.push_back({{c.text, {}}});
      if (lines.empty()) w->para(say(Msg::doc_none));
      else w->list(lines);
    }
    return page("team-" + team.id, title, *w);
  }

  std::string rule_words(const Requirement& r) const {
    if (!r.rule) return {};
    auto sel = [&](const Selector& s) { return join_words(lang_, names(s.steps)); };
    switch (r.rule->type) {
      case RuleType::existence: return say(Msg::doc_rule_existence, {{"steps", sel(r.rule->first)}});
      case RuleType::precedence: return say(Msg::doc_rule_precedence, {{"first", sel(r.rule->first)}, {"then", sel(r.rule->then)}});
      case RuleType::response:
        if (r.rule->within)
          return say(Msg::doc_rule_within, {{"first", sel(r.rule->first)}, {"then", sel(r.rule->then)},
                                            {"within", describe_duration(*r.rule->within, lang_)}});
        return say(Msg::doc_rule_response, {{"first", sel(r.rule->first)}, {"then", sel(r.rule->then)}});
    }
    return {};
  }
  std::vector<std::string> names(const std::vector<Index>& steps) const {
    std::vector<std::string> out;
    for (Index s : steps) out.push_back(q(wf_.step(s).name));
    return out;
  }

  HandbookPage requirement(Index r) {
    auto w = writer();
    const Requirement& req = wf_.requirements()[r];
    const std::string title = say(Msg::doc_requirement, {{"id", req.id}});
    w->heading(1, title);
    w->para(req.text);
    if (req.source) w->para(say(Msg::doc_source) + ": " + *req.source);
    if (req.rule) w->para(say(Msg::doc_rule) + ": " + rule_words(req));
    const Impact served = impact_of(wf_, ImpactOf::requirement, req.id);
    w->heading(2, say(Msg::doc_carried_out_by));
    std::vector<Line> steps;
    for (Index s : served.steps) steps.push_back({{q(wf_.step(s).name), step_link(s)}, {" (" + owner(wf_.step(s)) + ")", {}}});
    if (steps.empty()) w->para(say(Msg::doc_none));
    else w->list(steps);
    w->heading(2, say(Msg::doc_concerns));
    std::vector<Line> cases;
    if (!req.case_types) cases.push_back({{say(Msg::doc_every_case), {}}});
    else
      for (Index c : *req.case_types) cases.push_back({{wf_.case_types()[c].name, file("case-type-" + wf_.case_types()[c].id)}});
    w->list(cases);
    return page("requirement-" + req.id, title, *w);
  }

  std::string severity_word(Severity s) const {
    return say(s == Severity::error ? Msg::doc_severity_error : s == Severity::warning ? Msg::doc_severity_warning
                                                                                       : Msg::doc_severity_info);
  }
  Line finding_line(const Finding& f) const {
    Line l{{severity_word(f.severity) + ": " + f.message + " [" + f.rule + "]", {}}};
    if (!f.steps.empty())
      if (auto s = wf_.find_step(f.steps.front())) l.push_back({" \u2192 " + wf_.step(*s).name, step_link(*s)});
    return l;
  }

  HandbookPage findings() {
    auto w = writer();
    w->heading(1, say(Msg::doc_findings));
    w->para(say(Msg::doc_result, {{"errors", std::to_string(report_.count(Severity::error))},
                                  {"warnings", std::to_string(report_.count(Severity::warning))},
                                  {"infos", std::to_string(report_.count(Severity::info))}}));
    std::vector<Line> lines;
    for (const Finding& f : report_.findings) lines.push_back(finding_line(f));
    if (!lines.empty()) w->list(lines);
    return page("findings", say(Msg::doc_findings), *w);
  }

  HandbookPage changes() {
    auto w = writer();
    w->heading(1, say(Msg::doc_changes));
    w->para(say(Msg::diff_title, {{"old", q(diff_->old_name)}, {"new", q(diff_->new_name)}}));
    auto section = [&](Msg title, std::vector<Line> lines) {
      w->heading(2, say(title, {{"n", std::to_string(lines.size())}}));
      if (lines.empty()) w->para(say(Msg::doc_none));
      else w->list(lines);
    };
    std::vector<Line> changes, fixed, found;
    for (const Change& c : diff_->changes) changes.push_back({{c.text, {}}});
    for (const Finding& f : diff_->fixed) fixed.push_back({{severity_word(f.severity) + ": " + f.message + " [" + f.rule + "]", {}}});
    for (const Finding& f : diff_->found) found.push_back(finding_line(f));
    section(Msg::diff_changes, changes);
    section(Msg::diff_fixed, fixed);
    section(Msg::diff_new, found);
    return page("changes", say(Msg::doc_changes), *w);
  }

  const Workflow& wf_;
  const HandbookOptions& o_;
  Lang lang_;
  std::string ext_;
  Report report_;
  std::vector<Index> order_;
  std::optional<WorkflowDiff> diff_;
  std::vector<HandbookPage> svg_files_;
};

}  // namespace

std::vector<HandbookPage> handbook_pages(const Workflow& workflow, const HandbookOptions& options) {
  return Pages(workflow, options).all();
}

// Each page replaces its earlier version whole (write_file_atomically), so a
// reader of the folder never sees half a page.
void write_handbook(const Workflow& workflow, const std::string& folder, const HandbookOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw std::runtime_error(folder + ": cannot make the folder: " + ec.message());
  for (const HandbookPage& p : handbook_pages(workflow, options)) {
    write_file_atomically(std::filesystem::path(folder) / p.file, p.text);
  }
}

}  // namespace baton
