// Uses the installed C++ core: load a workflow and run every check.
#include <baton/check.hpp>
#include <baton/json.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  auto wf = baton::load_workflow_file(argv[1]);
  auto report = baton::run_checks(*wf);
  std::cout << wf->id() << ": " << report.findings.size() << " findings\n";
  return 0;
}
