// Random small workflows for property tests: block-structured ones (XOR and
// AND blocks, rework loops, nested) and unstructured ones (arbitrary joins,
// splits and back edges). Every result is a valid format-v1 document; the
// analyses are compared on them with the exhaustive oracle.
#pragma once

#include <random>
#include <string>

namespace baton::test {

struct RandomOptions {
  bool structured = true;   // blocks only, or arbitrary graphs
  int max_steps = 9;        // work steps, start and end not counted
  int artifacts = 3;        // reads / writes / checks drawn from these
  bool case_types = true;   // add a case type that fixes some XOR choices
};

std::string random_workflow(std::mt19937& rng, const RandomOptions& options = {});

}  // namespace baton::test
