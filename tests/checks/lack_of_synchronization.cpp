#include "soundness_workflows.hpp"

#include "../oracle/oracle.hpp"

using namespace baton;
using namespace baton::test;

TEST_CASE("lack-of-synchronization: an XOR-join after an AND-split lets the next step run twice",
          "[checks][lack-of-synchronization]") {
  const auto wf = load(soundness::split_join("and", "xor"));
  auto found = run_check(*wf, "lack-of-synchronization");
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/transitions/5");
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].steps == std::vector<std::string>{"e"});
  CHECK(found[0].transitions == std::vector<std::pair<std::string, std::string>>{{"j", "e"}});
  CHECK(found[0].message.find("Samlet vurdering") != std::string::npos);
  CHECK(found[0].witness.size() == 6);
  CHECK(found[0].witness.back() == "j");
  CHECK(Oracle(*wf).replays(found[0].witness));
}

TEST_CASE("lack-of-synchronization: correct blocks, loops and several end steps are not reported",
          "[checks][lack-of-synchronization]") {
  for (const std::string& json : soundness::sound_workflows) {
    INFO(json);
    CHECK(run_check(json, "lack-of-synchronization").empty());
  }
}
