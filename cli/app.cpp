// SPDX-License-Identifier: Apache-2.0
// Parse, dispatch, map to an exit code. CLI11's usage errors become exit 2, as CLI.md says,
// and an unknown command gets a "did you mean" from the table.
#include "app.h"

#include <cstdlib>

#include "caxtool/version.h"
#include "docs.h"
#include "exit_codes.h"
#include "util/strings.h"

namespace caxtool::cli {

std::unique_ptr<AppModel> build_app() {
  auto model = std::make_unique<AppModel>();
  model->app = std::make_unique<CLI::App>(
      "caxtool: generate, check, query and size Prometheus-based monitoring", "caxtool");
  CLI::App& app = *model->app;
  app.set_help_flag("-h,--help", "print help and exit");
  app.set_version_flag("--version", std::string("caxtool ") + kVersion,
                       "print the version and exit");
  app.fallthrough();
  app.require_subcommand(0, 1);
  GlobalOptions& g = model->global;
  add_choice_option(app, model->choices, "--format", g.format,
                    {"text", "json", "github", "sarif", "junit"},
                    "how findings are reported (default: text)")
      ->type_name("FORMAT");
  add_choice_option(app, model->choices, "--color", g.color, {"auto", "always", "never"},
                    "colour in text output; auto means on a terminal and without NO_COLOR")
      ->type_name("WHEN");
  app.add_flag("-q,--quiet", g.quiet, "print only findings and errors");
  app.add_flag("-v,--verbose", g.verbose, "say more about what is being done");
  app.add_option("--config", g.config_file,
                 "settings for checks (default: .caxtool.yml if present)")
      ->type_name("FILE");
  app.add_flag("--man-page", model->print_man_page, "print the man page in roff")->group("");

  for (const CommandInfo& info : command_table()) {
    CLI::App* sub = app.add_subcommand(std::string(info.name), std::string(info.summary));
    sub->footer(std::string(info.description));
    sub->set_help_flag("-h,--help", "print help and exit");
    auto cmd = info.make();
    cmd->setup(*sub, model->choices);
    model->commands.push_back(std::move(cmd));
    model->subcommands.push_back(sub);
  }
  return model;
}

namespace {

// The first argument that is not an option or an option's value: what the user meant as a
// command. Good enough for the suggestion; CLI11 does the real parse.
std::string first_word(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--format" || a == "--color" || a == "--config") {
      ++i;
      continue;
    }
    if (!a.empty() && a[0] != '-') return std::string(a);
  }
  return {};
}

// "did you mean --force?" for the first unknown long flag, from the options of the command the
// user named and the global ones.
void suggest_flag(const AppModel& model, int argc, const char* const* argv, Io& io) {
  std::vector<std::string> names;
  auto collect = [&names](const CLI::App& app) {
    for (const CLI::Option* opt : app.get_options()) {
      if (opt->get_group().empty()) continue;
      for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    }
  };
  collect(*model.app);
  for (const CLI::App* sub : model.subcommands) {
    if (sub->parsed()) collect(*sub);
  }
  std::vector<std::string_view> views(names.begin(), names.end());
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a.substr(0, 2) != "--") continue;
    std::string_view flag = a.substr(0, a.find('='));
    if (std::find(views.begin(), views.end(), flag) != views.end()) continue;
    std::string guess = util::closest_match(flag, views);
    if (!guess.empty()) io.err << "Did you mean '" << guess << "'?\n";
    return;
  }
}

}  // namespace

int run_cli(int argc, const char* const* argv, Io& io) {
  auto model = build_app();
  CLI::App& app = *model->app;
  const char* no_color = std::getenv("NO_COLOR");
  model->global.no_color_env = no_color != nullptr && *no_color != '\0';

  std::string word = first_word(argc, argv);
  if (!word.empty()) {
    std::vector<std::string_view> names;
    for (const CommandInfo& c : command_table()) names.push_back(c.name);
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      io.err << "caxtool: unknown command '" << word << "'";
      std::string guess = util::closest_match(word, names);
      if (!guess.empty()) io.err << ", did you mean '" << guess << "'?";
      io.err << "\nRun 'caxtool --help' for the list of commands.\n";
      return to_int(ExitCode::kUsage);
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    // CLI11 formats help for the subcommand the user named.
    io.out << app.help();
    return to_int(ExitCode::kOk);
  } catch (const CLI::CallForAllHelp&) {
    io.out << app.help("", CLI::AppFormatMode::All);
    return to_int(ExitCode::kOk);
  } catch (const CLI::CallForVersion& e) {
    io.out << e.what() << '\n';
    return to_int(ExitCode::kOk);
  } catch (const CLI::ParseError& e) {
    io.err << "caxtool: " << e.what() << "\n";
    if (const auto* extras = dynamic_cast<const CLI::ExtrasError*>(&e)) {
      (void)extras;
      suggest_flag(*model, argc, argv, io);
    }
    for (CLI::App* sub : model->subcommands) {
      if (sub->parsed()) {
        io.err << "Run 'caxtool " << sub->get_name() << " --help' for usage.\n";
        return to_int(ExitCode::kUsage);
      }
    }
    io.err << "Run 'caxtool --help' for usage.\n";
    return to_int(ExitCode::kUsage);
  }

  if (model->print_man_page) {
    io.out << man_page(*model);
    return to_int(ExitCode::kOk);
  }
  for (size_t i = 0; i < model->subcommands.size(); ++i) {
    if (!model->subcommands[i]->parsed()) continue;
    // JUnit XML reports test results: only `test rules` has any.
    if (model->global.format == "junit" && model->subcommands[i]->get_name() != "test") {
      io.err << "caxtool: --format junit is for caxtool test rules; '"
             << model->subcommands[i]->get_name() << "' prints text, json, github or sarif\n";
      return to_int(ExitCode::kUsage);
    }
    return model->commands[i]->run(model->global, io);
  }
  io.err << app.help();
  return to_int(ExitCode::kUsage);
}

}  // namespace caxtool::cli
