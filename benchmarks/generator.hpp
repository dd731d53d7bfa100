// Synthetic workflows for the benchmarks and the loader's tests: large,
// sound and block-structured, using every part of format v1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace baton::bench {

// A workflow file (format v1 JSON) of about `steps` steps: a sequence of
// blocks (single steps, XOR and AND blocks, rework loops) nested at most a few
// levels deep, so any size builds without deep recursion. Work steps have
// teams and roles, read, write and check artifacts, have IT support and
// durations; handovers between teams are described; a few requirements carry
// existence, precedence and response rules; two case types make choices at
// XOR splits. The same arguments always give the same bytes.
std::string generate_workflow(std::size_t steps, std::uint64_t seed);

}  // namespace baton::bench
