// Petri nets in (shared/spec/event-logs.md "Petri nets (PNML)"): a workflow
// net as PM4Py and ProM write it, read as a workflow whose net has the same
// labelled firing sequences, so that baton and other tools can be compared
// on the very same model.
#pragma once

#include <baton/load.hpp>

#include <string_view>

namespace baton {

// Each labelled transition becomes a task step (its label the name, AND-join
// and AND-split), each silent one (no label, "tau", or ProM's
// activity="$invisible$") a gateway; the source place becomes the start step,
// the sink place the end step, and every other place a gateway with XOR-join
// and XOR-split, except that a place between exactly one transition and one
// other becomes a plain transition between their steps. Refuses, with the
// element's line and column, a net that is not a workflow net (one source
// place, one sink place, every node on a path between them), has an arc
// weight other than 1, an initial marking other than one token on the source
// place, or is not 1-safe (found by exploring its markings; a net too big to
// explore fully is read with a note saying so). Throws LoadError.
//
// The start and end steps stand for the source and sink places, which no
// event records and PM4Py's alignments do not count; they carry the tag
// `silent` so that conformance can treat them as it treats gateways.
WorkflowRead load_pnml(std::string_view bytes, std::string_view file);

}  // namespace baton
