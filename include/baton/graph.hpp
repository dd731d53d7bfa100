// A Boost.Graph view of a workflow: steps are vertices (same indices), each
// edge carries its transition's index. Checks run Boost.Graph's algorithms
// on it rather than walking the model by hand.
#pragma once

#include <baton/model.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <span>
#include <vector>

namespace baton {

using StepGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                                        boost::property<boost::edge_index_t, Index>>;

StepGraph make_step_graph(const Workflow& workflow);

// Steps a path from any of `from` reaches (themselves included); with
// `backwards`, the steps from which a path reaches one of `from`.
std::vector<bool> reachable(const StepGraph& graph, std::span<const Index> from, bool backwards = false);

}  // namespace baton
