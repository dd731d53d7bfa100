#include "generator.hpp"
#include "swimlane_input.hpp"

#include <baton/json.hpp>
#include <baton/layout.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

using namespace baton;

namespace {

constexpr double tolerance = 1e-6;

bool strictly_inside(const Box& inner, const Box& outer) {
  return inner.x > outer.x && inner.y > outer.y && inner.x + inner.width < outer.x + outer.width &&
         inner.y + inner.height < outer.y + outer.height;
}
bool contains(const Box& outer, const Box& inner) {
  return inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance &&
         inner.x + inner.width <= outer.x + outer.width + tolerance &&
         inner.y + inner.height <= outer.y + outer.height + tolerance;
}
bool overlap(const Box& a, const Box& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
bool on_border(const Point& p, const Box& b) {
  const bool within = p.x >= b.x - tolerance && p.x <= b.x + b.width + tolerance && p.y >= b.y - tolerance &&
                      p.y <= b.y + b.height + tolerance;
  const double d = std::min({std::abs(p.x - b.x), std::abs(p.x - b.x - b.width), std::abs(p.y - b.y),
                             std::abs(p.y - b.y - b.height)});
  return within && d < tolerance;
}
Point centre(const Box& b) { return {b.x + b.width / 2, b.y + b.height / 2}; }

std::string name(const LayoutInput& in, std::size_t node) { return "node " + in.nodes[node].id; }

// Everything the interface promises, read from the coordinates alone.
void check_geometry(const LayoutInput& in, const Layout& out) {
  REQUIRE(out.lanes.size() == in.lanes.size());
  REQUIRE(out.nodes.size() == in.nodes.size());
  REQUIRE(out.edges.size() == in.edges.size());
  REQUIRE(out.edge_labels.size() == in.edges.size());

  // Lanes: top-level ones and the sub-lanes of each lane stacked top to
  // bottom in input order without overlap; a parent contains its sub-lanes.
  std::vector<std::vector<std::size_t>> children(in.lanes.size() + 1);  // last: the top level
  for (std::size_t l = 0; l < in.lanes.size(); ++l) {
    INFO("lane " << in.lanes[l].id);
    CHECK(out.lanes[l].height > 0);
    CHECK(out.lanes[l].width > 0);
    CHECK(contains(out.bounds, out.lanes[l]));
    children[in.lanes[l].parent.value_or(in.lanes.size())].push_back(l);
    if (const auto p = in.lanes[l].parent) CHECK(contains(out.lanes[*p], out.lanes[l]));
  }
  for (const auto& siblings : children)
    for (std::size_t k = 1; k < siblings.size(); ++k) {
      INFO("lane " << in.lanes[siblings[k]].id);
      const Box& above = out.lanes[siblings[k - 1]];
      CHECK(out.lanes[siblings[k]].y >= above.y + above.height - tolerance);
    }

  // Nodes: their own size, strictly inside their lane, outside its sub-lanes.
  for (std::size_t i = 0; i < in.nodes.size(); ++i) {
    INFO(name(in, i));
    const Box& b = out.nodes[i];
    CHECK(b.width == Approx(in.nodes[i].width));
    CHECK(b.height == Approx(in.nodes[i].height));
    CHECK(strictly_inside(b, out.lanes[in.nodes[i].lane]));
    for (std::size_t sub : children[in.nodes[i].lane]) CHECK_FALSE(overlap(b, out.lanes[sub]));
    CHECK(contains(out.bounds, b));
  }
  for (std::size_t i = 0; i < in.nodes.size(); ++i)
    for (std::size_t j = i + 1; j < in.nodes.size(); ++j) {
      INFO(name(in, i) << " and " << name(in, j));
      CHECK_FALSE(overlap(out.nodes[i], out.nodes[j]));
    }

  // Edges: orthogonal polylines from the source's border to the target's.
  for (std::size_t e = 0; e < in.edges.size(); ++e) {
    INFO("edge " << e << " from " << in.nodes[in.edges[e].from].id << " to " << in.nodes[in.edges[e].to].id);
    const auto& line = out.edges[e];
    REQUIRE(line.size() >= 2);
    CHECK(on_border(line.front(), out.nodes[in.edges[e].from]));
    CHECK(on_border(line.back(), out.nodes[in.edges[e].to]));
    for (std::size_t k = 1; k < line.size(); ++k) {
      const bool axis_parallel =
          std::abs(line[k].x - line[k - 1].x) < 1.0 || std::abs(line[k].y - line[k - 1].y) < 1.0;
      CHECK(axis_parallel);
    }
  }
}

LayoutNode node(std::string id, std::size_t lane, NodeShape shape = NodeShape::box) {
  LayoutNode n;
  n.id = id;
  n.label = "Trin " + id;
  n.lane = lane;
  n.shape = shape;
  return n;
}

}  // namespace

TEST_CASE("layout: a chain in one lane runs straight from left to right", "[layout]") {
  LayoutInput in;
  in.lanes = {{"myn", "Myndighed", {}}};
  for (int i = 0; i < 5; ++i) in.nodes.push_back(node("s" + std::to_string(i), 0));
  for (std::size_t i = 0; i + 1 < 5; ++i) in.edges.push_back({i, i + 1, ""});
  const Layout out = lay_out_swimlanes(in);
  check_geometry(in, out);
  for (std::size_t i = 1; i < 5; ++i) {
    CHECK(out.nodes[i].x > out.nodes[i - 1].x + out.nodes[i - 1].width);
    CHECK(centre(out.nodes[i]).y == Approx(centre(out.nodes[0]).y));
  }
  for (const auto& line : out.edges) {
    CHECK(line.size() == 2);  // one straight segment between neighbours
    CHECK(line.front().y == Approx(line.back().y));
  }
}

TEST_CASE("layout: a split into two lanes puts both branches in one column, each in its own band", "[layout]") {
  LayoutInput in;
  in.lanes = {{"mod", "Modtagelsen", {}}, {"oko", "Økonomi", {}}};
  in.nodes = {node("a", 0), node("b", 0), node("c", 1), node("d", 0)};
  in.edges = {{0, 1, "ja"}, {0, 2, "nej"}, {1, 3, ""}, {2, 3, ""}};
  const Layout out = lay_out_swimlanes(in);
  check_geometry(in, out);
  CHECK(out.lanes[1].y >= out.lanes[0].y + out.lanes[0].height);
  CHECK(centre(out.nodes[1]).x == Approx(centre(out.nodes[2]).x));
  CHECK(out.nodes[3].x > out.nodes[1].x + out.nodes[1].width);
  CHECK(out.nodes[2].y > out.nodes[1].y + out.nodes[1].height);
}

TEST_CASE("layout: sub-lanes nest inside their team's lane, below the team's own steps", "[layout]") {
  LayoutInput in;
  in.lanes = {{"mod", "Modtagelsen", {}}, {"myn", "Myndighed", {}}, {"myn-r", "Rådgiver", 1}, {"myn-l", "Leder", 1}};
  in.nodes = {node("a", 0, NodeShape::circle), node("b", 2), node("c", 1), node("d", 3, NodeShape::diamond),
              node("e", 2)};
  in.nodes[0].width = in.nodes[0].height = 36;
  in.edges = {{0, 1, ""}, {1, 2, ""}, {2, 3, ""}, {3, 4, "afvist"}, {3, 0, "tilbage"}};
  const Layout out = lay_out_swimlanes(in);
  check_geometry(in, out);
  // The team's own step lies above both role lanes; role lanes are indented.
  CHECK(out.nodes[2].y + out.nodes[2].height < out.lanes[2].y);
  CHECK(out.lanes[2].x > out.lanes[1].x);
  CHECK(out.lanes[1].y + out.lanes[1].height == Approx(out.lanes[3].y + out.lanes[3].height));
  // Columns line up across nesting levels: every node starts right of the deepest header.
  for (const Box& b : out.nodes) CHECK(b.x > out.lanes[2].x);
}

TEST_CASE("layout: an empty lane is still a band, in its place", "[layout]") {
  LayoutInput in;
  in.lanes = {{"a", "A", {}}, {"tom", "Tom", {}}, {"b", "B", {}}};
  in.nodes = {node("x", 0), node("y", 2)};
  in.edges = {{0, 1, ""}};
  const Layout out = lay_out_swimlanes(in);
  check_geometry(in, out);
  CHECK(out.lanes[1].height > 0);
  CHECK(out.lanes[1].y == Approx(out.lanes[0].y + out.lanes[0].height));
  CHECK(out.lanes[2].y == Approx(out.lanes[1].y + out.lanes[1].height));
}

TEST_CASE("layout: steps in one column and lane are stacked, and the lane grows to hold them", "[layout]") {
  LayoutInput one, four;
  one.lanes = four.lanes = {{"a", "A", {}}, {"b", "B", {}}};
  one.nodes = {node("start", 1), node("x", 0), node("slut", 1)};
  one.edges = {{0, 1, ""}, {1, 2, ""}};
  four.nodes = {node("start", 1)};
  for (int i = 0; i < 4; ++i) four.nodes.push_back(node("x" + std::to_string(i), 0));
  four.nodes.push_back(node("slut", 1));
  for (std::size_t i = 1; i <= 4; ++i) four.edges.push_back({0, i, ""}), four.edges.push_back({i, 5, ""});
  const Layout small = lay_out_swimlanes(one), tall = lay_out_swimlanes(four);
  check_geometry(four, tall);
  CHECK(tall.lanes[0].height >= 4 * 80);
  CHECK(tall.lanes[0].height > small.lanes[0].height);
  for (std::size_t i = 2; i <= 4; ++i) CHECK(centre(tall.nodes[i]).x == Approx(centre(tall.nodes[1]).x));
}

TEST_CASE("layout: nothing to lay out gives an empty diagram", "[layout]") {
  const Layout none = lay_out_swimlanes({});
  CHECK(none.nodes.empty());
  CHECK(none.lanes.empty());
  LayoutInput lanes_only;
  lanes_only.lanes = {{"a", "A", {}}, {"b", "B", {}}};
  check_geometry(lanes_only, lay_out_swimlanes(lanes_only));
}

TEST_CASE("layout: bad input is refused with a message naming the culprit", "[layout]") {
  LayoutInput in;
  in.lanes = {{"a", "A", {}}};
  in.nodes = {node("x", 0), node("y", 3)};
  CHECK_THROWS_WITH(lay_out_swimlanes(in), Catch::Contains("node 'y'") && Catch::Contains("lane 3"));
  in.nodes[1].lane = 0;
  in.edges = {{0, 7, ""}};
  CHECK_THROWS_WITH(lay_out_swimlanes(in), Catch::Contains("edge 0"));
  in.edges.clear();
  in.nodes[0].width = -1;
  CHECK_THROWS_WITH(lay_out_swimlanes(in), Catch::Contains("node 'x'"));
  in.nodes[0].width = 100;
  in.lanes = {{"a", "A", 1}, {"b", "B", 0}};
  CHECK_THROWS_WITH(lay_out_swimlanes(in), Catch::Contains("own ancestor"));
  in.lanes = {{"a", "A", 5}};
  CHECK_THROWS_WITH(lay_out_swimlanes(in), Catch::Contains("lane 'a'"));
}

TEST_CASE("layout: calls from several threads at once give the same layout", "[layout]") {
  LayoutInput in;
  in.lanes = {{"a", "A", {}}, {"b", "B", {}}};
  for (int i = 0; i < 8; ++i) in.nodes.push_back(node(std::to_string(i), static_cast<std::size_t>(i % 2)));
  for (std::size_t i = 0; i + 1 < 8; ++i) in.edges.push_back({i, i + 1, ""});
  const Layout expected = lay_out_swimlanes(in);
  std::vector<Layout> got(3);
  std::vector<std::thread> threads;
  for (auto& g : got) threads.emplace_back([&in, &g] { g = lay_out_swimlanes(in); });
  for (auto& t : threads) t.join();
  for (const Layout& g : got) {
    REQUIRE(g.nodes.size() == expected.nodes.size());
    for (std::size_t i = 0; i < g.nodes.size(); ++i) CHECK(g.nodes[i].x == expected.nodes[i].x);
    CHECK(g.edges.size() == expected.edges.size());
  }
}

TEST_CASE("layout: a generated workflow of 150 steps in 12 teams keeps every promise", "[layout]") {
  const auto wf = load_workflow(bench::generate_workflow(150, 7), "generated.json");
  const LayoutInput in = bench::swimlane_input(*wf);
  std::size_t teams = 0;
  for (const LayoutLane& l : in.lanes) teams += !l.parent;
  REQUIRE(teams == 12);
  REQUIRE(in.nodes.size() >= 140);
  const Layout out = lay_out_swimlanes(in);
  check_geometry(in, out);
}
