// Swimlane layout: positions for a diagram of nodes in horizontal lanes, left
// to right in run order, computed by Graphviz (shared/notes/swimlanes.md).
// The BPMN writer (diagram interchange) and the handbook's SVG diagrams both
// lay out through here; each builds its own nodes and lanes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace baton {

struct LayoutLane {
  std::string id, label;
  std::optional<std::size_t> parent;  // a sub-lane (a role) of this lane (its team)
};

enum class NodeShape { box, diamond, circle };

struct LayoutNode {
  std::string id, label;
  std::size_t lane = 0;  // index into LayoutInput::lanes
  NodeShape shape = NodeShape::box;
  double width = 100, height = 80;  // points
};

struct LayoutEdge {
  std::size_t from = 0, to = 0;  // indices into LayoutInput::nodes
  std::string label;
  // Drawn as one straight segment (a BPMN data association) instead of
  // routed round the nodes; it still counts for the columns.
  bool straight = false;
};

struct LayoutInput {
  std::vector<LayoutLane> lanes;  // in the order they are drawn, top to bottom
  std::vector<LayoutNode> nodes;
  std::vector<LayoutEdge> edges;
};

struct Point {
  double x = 0, y = 0;
};
// Top-left corner and size; y grows downward, as in SVG and BPMN DI.
struct Box {
  double x = 0, y = 0, width = 0, height = 0;
};

struct Layout {
  std::vector<Box> lanes;                 // per lane; a parent lane's box contains its sub-lanes
  std::vector<Box> nodes;                 // per node, inside its lane's box
  std::vector<std::vector<Point>> edges;  // per edge, a polyline from its source to its target
  std::vector<Point> edge_labels;         // per edge, the centre for its label: mid its longest segment
  Box bounds;                             // everything
  bool orthogonal = true;                 // false: the routed edges fell back to straight lines
};

// Throws std::runtime_error when Graphviz fails. Safe to call from several
// threads (Graphviz itself is not; calls are serialised inside). Graphviz
// 2.43's orthogonal router aborts the process on some graphs (an assertion
// in maze.c); it therefore runs in a child process, and where it fails there
// the edges are drawn straight instead (Layout::orthogonal says which).
Layout lay_out_swimlanes(const LayoutInput& input);

}  // namespace baton
