// SPDX-License-Identifier: Apache-2.0
// `caxtool doctor`: the Caxton guide's "Debugging Metrics Issues" runbook in one command, one
// line per step with ok, warn, fail or skip and a hint; exit 1 on any fail.
#include "promapi/doctor.h"

#include <nlohmann/json.hpp>

#include "command.h"
#include "exit_codes.h"
#include "output.h"
#include "server_flags.h"

namespace caxtool::cli {
namespace {

class DoctorCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices& choices) override {
    sub.add_option("--max-series", options_.max_series,
                   "the head-series budget (default 100000, the Caxton guide's)")
        ->type_name("N")
        ->check(CLI::PositiveNumber);
    sub.add_option("--collector-job", options_.collector_job,
                   "the scrape job of the collector's own metrics (default: otel-collector, "
                   "opentelemetry-collector or any :8888 target)")
        ->type_name("JOB");
    sub.add_option("--top", options_.top, "cardinality offenders to show (default 5)")
        ->type_name("N")
        ->check(CLI::Range(1, 100));
    server_.add_to(sub, choices);
  }

  int run(const GlobalOptions& global, Io& io) override {
    if (int code = check_text_or_json(global, io); code != 0) return code;
    int code = 0;
    auto conn = connect(server_, global, io, code);
    if (!conn) return code;
    promapi::DoctorReport report = promapi::run_doctor(*conn->session, options_);
    if (io.cancel != nullptr && io.cancel->load()) {
      io.err << "caxtool: interrupted\n";
      return to_int(ExitCode::kInterrupted);
    }
    if (global.format == "json") {
      nlohmann::json out;
      out["url"] = http::redact_url(conn->session->root());
      out["engine"] = report.engine;
      out["version"] = report.version;
      out["ok"] = !report.failed();
      out["steps"] = nlohmann::json::array();
      for (const auto& s : report.steps) {
        out["steps"].push_back({{"name", s.name},
                                {"status", std::string(promapi::step_status_name(s.status))},
                                {"summary", s.summary},
                                {"details", s.details},
                                {"hint", s.hint}});
      }
      io.out << out.dump(2) << '\n';
    } else {
      print_text(report, global, io);
    }
    return to_int(report.failed() ? ExitCode::kCheckFailed : ExitCode::kOk);
  }

 private:
  static void print_text(const promapi::DoctorReport& report, const GlobalOptions& global, Io& io) {
    bool color = use_color(global, io.out_is_tty);
    auto paint = [color](promapi::StepStatus s) {
      std::string name(promapi::step_status_name(s));
      name.resize(4, ' ');
      if (!color) return name;
      const char* code = s == promapi::StepStatus::kOk     ? "\x1b[32m"
                         : s == promapi::StepStatus::kWarn ? "\x1b[33m"
                         : s == promapi::StepStatus::kFail ? "\x1b[1;31m"
                                                           : "\x1b[2m";
      return code + name + "\x1b[0m";
    };
    std::string out;
    for (const auto& s : report.steps) {
      if (global.quiet && s.status == promapi::StepStatus::kOk) continue;
      std::string name = s.name;
      name.resize(13, ' ');
      out += paint(s.status) + "  " + name + s.summary + "\n";
      for (const auto& d : s.details) out += std::string(19, ' ') + d + "\n";
      if (!s.hint.empty() && s.status != promapi::StepStatus::kOk)
        out += std::string(19, ' ') + "hint: " + s.hint + "\n";
    }
    io.out << out;
  }

  promapi::DoctorOptions options_;
  ServerFlags server_;
};

}  // namespace

std::unique_ptr<Command> make_doctor_command() { return std::make_unique<DoctorCommand>(); }

}  // namespace caxtool::cli
