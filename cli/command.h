// SPDX-License-Identifier: Apache-2.0
// What every subcommand provides to the command table: its flags, bound into its own options
// struct, and a run step called after parsing (never from inside a CLI11 callback).
#pragma once

#include <CLI/CLI.hpp>
#include <atomic>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace caxtool::cli {

// Output goes through injected streams, so golden tests and unit tests can capture it.
struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_tty = false;
  bool err_is_tty = false;
  const std::atomic<bool>* cancel = nullptr;
};

struct GlobalOptions {
  std::string format = "text";
  std::string color = "auto";
  bool quiet = false;
  bool verbose = false;
  bool no_color_env = false;  // NO_COLOR was set
  std::string config_file;    // --config; empty: .caxtool.yml if present
};

// Option values the completions should offer (CLI11 keeps no list we could read back).
class Choices {
 public:
  void set(const CLI::Option* opt, std::vector<std::string> values) {
    map_[opt] = std::move(values);
  }
  const std::vector<std::string>* get(const CLI::Option* opt) const {
    auto it = map_.find(opt);
    return it == map_.end() ? nullptr : &it->second;
  }

 private:
  std::map<const CLI::Option*, std::vector<std::string>> map_;
};

CLI::Option* add_choice_option(CLI::App& app, Choices& choices, const std::string& name,
                               std::string& target, std::vector<std::string> values,
                               const std::string& description);

class Command {
 public:
  virtual ~Command() = default;
  virtual void setup(CLI::App& sub, Choices& choices) = 0;
  virtual int run(const GlobalOptions& global, Io& io) = 0;
};

struct CommandInfo {
  std::string_view name;
  std::string_view summary;      // one line, for help and completions
  std::string_view description;  // a paragraph, for --help and the man page
  std::unique_ptr<Command> (*make)();
};

// Sorted by name; help, completions, the man page and "did you mean" all read it.
const std::vector<CommandInfo>& command_table();

// Each command's factory, defined in its own file.
std::unique_ptr<Command> make_cardinality_command();
std::unique_ptr<Command> make_check_command();
std::unique_ptr<Command> make_completion_command();
std::unique_ptr<Command> make_doctor_command();
std::unique_ptr<Command> make_generate_command();
std::unique_ptr<Command> make_help_command();
std::unique_ptr<Command> make_promql_command();
std::unique_ptr<Command> make_query_command();
std::unique_ptr<Command> make_status_command();
std::unique_ptr<Command> make_test_command();
std::unique_ptr<Command> make_targets_command();
std::unique_ptr<Command> make_tsdb_command();

}  // namespace caxtool::cli
