// The baton command (shared/spec/cli.md): a thin shell over the library.
#include <baton/json.hpp>
#include <baton/version.hpp>

#include <iostream>
#include <iterator>
#include <string>
#include <vector>

namespace {

constexpr int exit_usage = 2;

const char* const usage_text =
    "usage: baton validate FILE...                 load and validate only\n"
    "       baton --version\n"
    "       baton help [COMMAND]\n"
    "FILE may be - for standard input.\n";

int usage_error(const std::string& message) {
  std::cerr << "baton: " << message << "\n" << usage_text;
  return exit_usage;
}

// Loads FILE ("-" is standard input); prints a load error in cli.md's form.
std::shared_ptr<const baton::Workflow> load(const std::string& file) {
  try {
    if (file == "-") {
      std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
      return baton::load_workflow(text, "-");
    }
    return baton::load_workflow_file(file);
  } catch (const baton::LoadError& e) {
    std::cerr << e.place() << ": error: " << e.message() << "\n";
    return nullptr;
  }
}

int validate(const std::vector<std::string>& files) {
  if (files.empty()) return usage_error("validate needs at least one FILE");
  int status = 0;
  for (const std::string& file : files) {
    auto wf = load(file);
    if (!wf) {
      status = exit_usage;
      continue;
    }
    std::cout << file << ": valid workflow \"" << wf->id() << "\" (" << wf->steps().size() << " steps, "
              << wf->transitions().size() << " transitions)\n";
  }
  return status;
}

int help(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] != "validate" && args[0] != "help")
    return usage_error("no command \"" + args[0] + "\"");
  std::cout << usage_text;
  return 0;
}

}  // namespace

int main(int argc, char** argv) try {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("no command given");
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--version") {
    std::cout << "baton " << baton::version << "\n";
    return 0;
  }
  if (command == "help" || command == "--help" || command == "-h") return help(args);
  if (command == "validate") return validate(args);
  return usage_error("unknown command \"" + command + "\"");
} catch (const std::exception& e) {
  std::cerr << "baton: internal error: " << e.what() << "\n";
  return exit_usage;
}
