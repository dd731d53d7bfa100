#include <baton/graph.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>

namespace baton {

StepGraph make_step_graph(const Workflow& workflow) {
  StepGraph g(workflow.steps().size());
  for (Index t = 0; t < workflow.transitions().size(); ++t)
    boost::add_edge(workflow.transition(t).from, workflow.transition(t).to, t, g);
  return g;
}

namespace {
template <class Graph>
std::vector<bool> search(const Graph& g, std::span<const Index> from) {
  const auto n = boost::num_vertices(g);
  std::vector<boost::default_color_type> colors(n, boost::white_color);
  auto color = boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g));
  boost::queue<typename boost::graph_traits<Graph>::vertex_descriptor> queue;
  // One search from every source: sources already reached are skipped.
  for (Index s : from)
    if (colors[s] == boost::white_color)
      boost::breadth_first_visit(g, s, queue, boost::default_bfs_visitor(), color);
  std::vector<bool> out(n);
  for (std::size_t v = 0; v < n; ++v) out[v] = colors[v] != boost::white_color;
  return out;
}
}  // namespace

std::vector<bool> reachable(const StepGraph& graph, std::span<const Index> from, bool backwards) {
  if (backwards) return search(boost::make_reverse_graph(graph), from);
  return search(graph, from);
}

}  // namespace baton
