/* Uses only the installed C ABI: load a workflow, print its version. */
#include <baton.h>
#include <stdio.h>

int main(int argc, char **argv) {
  baton_workflow *wf = NULL;
  if (argc < 2) return 2;
  if (baton_workflow_from_file(argv[1], &wf) != BATON_OK) {
    fprintf(stderr, "%s\n", baton_last_error_message());
    return 1;
  }
  printf("baton %s abi %d: loaded\n", baton_version(), baton_abi_version());
  baton_workflow_free(wf);
  return 0;
}
