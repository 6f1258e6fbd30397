// SPDX-License-Identifier: Apache-2.0
// `caxtool targets`: what the server scrapes and how it goes, as a table or as the server's own
// JSON; exit 1 when a shown target is down, so a runbook can branch on it.
#include "promapi/targets.h"

#include "command.h"
#include "exit_codes.h"
#include "server_flags.h"
#include "table.h"
#include "util/time.h"

namespace caxtool::cli {
namespace {

class TargetsCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices& choices) override {
    add_choice_option(sub, choices, "--state", query_.state, {"active", "dropped", "any"},
                      "which targets (default: any)")
        ->type_name("STATE");
    sub.add_option("--pool", query_.pool, "only the targets of this scrape pool (job)")
        ->type_name("NAME");
    sub.add_flag("--down", query_.down_only, "only active targets that are not up");
    server_.add_to(sub, choices);
  }

  int run(const GlobalOptions& global, Io& io) override {
    if (int code = check_text_or_json(global, io); code != 0) return code;
    int code = 0;
    auto conn = connect(server_, global, io, code);
    if (!conn) return code;
    promapi::ApiResult r =
        promapi::call(*conn->session, "/api/v1/targets", promapi::targets_params(query_));
    if (auto* e = std::get_if<promapi::ApiError>(&r)) return report_api_error(*e, io);
    auto read =
        promapi::read_targets(std::move(std::get<std::unique_ptr<promapi::Document>>(r)), query_);
    if (auto* e = std::get_if<promapi::ApiError>(&read)) {
      e->asked = conn->session->describe("/api/v1/targets", promapi::targets_params(query_));
      return report_api_error(*e, io);
    }
    const promapi::Targets& targets = std::get<promapi::Targets>(read);
    if (global.format == "json") {
      print_json(targets, io);
    } else {
      print_table(targets, global, io);
    }
    return to_int(targets.any_down() ? ExitCode::kCheckFailed : ExitCode::kOk);
  }

 private:
  // The server's own objects, filtered: every field it sent is kept.
  static void print_json(const promapi::Targets& t, Io& io) {
    std::string out = "{\"activeTargets\":[";
    bool first = true;
    for (const promapi::Target& target : t.targets) {
      if (!target.active) continue;
      if (!first) out += ',';
      first = false;
      out += simdjson::minify(target.raw);
    }
    out += "],\"droppedTargets\":[";
    first = true;
    for (const promapi::Target& target : t.targets) {
      if (target.active) continue;
      if (!first) out += ',';
      first = false;
      out += simdjson::minify(target.raw);
    }
    out += ']';
    simdjson::dom::element counts;
    if (t.doc->data()["droppedTargetCounts"].get(counts) == simdjson::SUCCESS) {
      out += ",\"droppedTargetCounts\":" + simdjson::minify(counts);
    }
    out += "}\n";
    io.out << out;
  }

  void print_table(const promapi::Targets& t, const GlobalOptions& global, Io& io) const {
    double now = util::unix_now();
    Table table({"POOL", "INSTANCE", "HEALTH", "LAST SCRAPE", "DURATION", "ERROR"});
    size_t active = 0, down = 0, dropped = 0;
    for (const promapi::Target& target : t.targets) {
      if (!target.active) {
        ++dropped;
        table.add(
            {std::string(target.pool), std::string(target.instance), "dropped", "-", "-", ""});
        continue;
      }
      ++active;
      down += target.health == "down" ? size_t{1} : size_t{0};
      std::string age =
          target.last_scrape ? util::format_seconds(now - *target.last_scrape) + " ago" : "never";
      std::string duration =
          target.last_scrape ? util::format_seconds(target.scrape_duration) : "-";
      table.add({std::string(target.pool), std::string(target.instance), std::string(target.health),
                 age, duration, std::string(target.last_error)});
    }
    if (table.size() > 0) table.print(io.out);
    if (!global.quiet) {
      io.err << active << " active" << (down ? " (" + std::to_string(down) + " down)" : "") << ", "
             << dropped << " dropped shown; the server has " << t.active_total << " active and "
             << t.dropped_total << " dropped\n";
    }
  }

  promapi::TargetsQuery query_;
  ServerFlags server_;
};

}  // namespace

std::unique_ptr<Command> make_targets_command() { return std::make_unique<TargetsCommand>(); }

}  // namespace caxtool::cli
