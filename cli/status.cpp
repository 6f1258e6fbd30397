// SPDX-License-Identifier: Apache-2.0
// `caxtool status`: who answers at --url and in what state: build, readiness, uptime, config
// reload, storage flags. Exit 1 when the server is not ready or its last reload failed.
#include <nlohmann/json.hpp>

#include "command.h"
#include "exit_codes.h"
#include "promapi/server.h"
#include "server_flags.h"
#include "table.h"
#include "util/time.h"

namespace caxtool::cli {
namespace {

// The flags an operator asks about first; --flags prints all of them.
constexpr std::string_view kKeyFlags[] = {
    "config.file",
    "storage.tsdb.path",
    "storage.tsdb.retention.time",
    "storage.tsdb.retention.size",
    "web.listen-address",
    "web.enable-lifecycle",
    "web.enable-admin-api",
    "enable-feature",
    "query.lookback-delta",
    "query.max-samples",
    "retentionPeriod",
    "storageDataPath",
};

std::string body_line(const http::Response& r) {
  std::string s = r.body.substr(0, 200);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

class StatusCommand : public Command {
 public:
  void setup(CLI::App& sub, Choices& choices) override {
    sub.add_flag("--flags", all_flags_,
                 "print every command-line flag of the server, not only the key ones");
    server_.add_to(sub, choices);
  }

  int run(const GlobalOptions& global, Io& io) override {
    if (int code = check_text_or_json(global, io); code != 0) return code;
    int code = 0;
    auto conn = connect(server_, global, io, code);
    if (!conn) return code;
    http::Session& session = *conn->session;
    auto detected = promapi::detect_server(session);
    if (auto* e = std::get_if<promapi::ApiError>(&detected)) return report_api_error(*e, io);
    const promapi::ServerInfo& info = std::get<promapi::ServerInfo>(detected);

    http::Response ready = session.get("/-/ready");
    if (!ready.ok())
      return report_api_error(
          promapi::failure(session.describe("/-/ready"), ready, session.options()), io);
    bool is_ready = ready.status == 200;
    promapi::ApiResult runtime = promapi::call(session, "/api/v1/status/runtimeinfo");
    promapi::ApiResult flags = promapi::call(session, "/api/v1/status/flags");
    auto* runtime_doc = std::get_if<std::unique_ptr<promapi::Document>>(&runtime);
    auto* flags_doc = std::get_if<std::unique_ptr<promapi::Document>>(&flags);
    bool reload_ok = true;
    if (runtime_doc != nullptr) {
      bool v = true;
      if ((*runtime_doc)->data()["reloadConfigSuccess"].get(v) == simdjson::SUCCESS) reload_ok = v;
    }

    if (global.format == "json") {
      nlohmann::json out;
      out["url"] = http::redact_url(session.root());
      out["engine"] = std::string(http::engine_name(info.engine));
      out["version"] = info.version;
      out["ready"] = is_ready;
      out["readyMessage"] = body_line(ready);
      auto raw = [](const promapi::Document* d) {
        return d == nullptr ? nlohmann::json() : nlohmann::json::parse(simdjson::minify(d->data()));
      };
      out["buildinfo"] = raw(info.buildinfo.get());
      out["runtimeinfo"] = raw(runtime_doc ? runtime_doc->get() : nullptr);
      out["flags"] = raw(flags_doc ? flags_doc->get() : nullptr);
      io.out << out.dump(2) << '\n';
    } else {
      print_text(session, info, ready, is_ready, runtime_doc ? runtime_doc->get() : nullptr,
                 flags_doc ? flags_doc->get() : nullptr, io);
    }
    return to_int(is_ready && reload_ok ? ExitCode::kOk : ExitCode::kCheckFailed);
  }

 private:
  void print_text(http::Session& session, const promapi::ServerInfo& info,
                  const http::Response& ready, bool is_ready, const promapi::Document* runtime,
                  const promapi::Document* flags, Io& io) const {
    Table t({"", ""});
    std::string build = std::string(http::engine_name(info.engine));
    if (!info.version.empty()) build += " " + info.version;
    if (info.buildinfo) {
      auto d = info.buildinfo->data();
      std::string_view rev = promapi::get_string(d, "revision");
      std::string_view go = promapi::get_string(d, "goVersion");
      if (!rev.empty()) build += ", revision " + std::string(rev.substr(0, 12));
      if (!go.empty()) build += ", " + std::string(go);
    }
    t.add({"Server", http::redact_url(session.root())});
    t.add({"Build", build});
    t.add({"Ready", (is_ready ? "yes" : "NO, HTTP " + std::to_string(ready.status)) +
                        (ready.body.empty() ? "" : ": " + body_line(ready))});
    if (runtime != nullptr) {
      auto d = runtime->data();
      std::string_view start = promapi::get_string(d, "startTime");
      if (auto t0 = util::parse_rfc3339(start)) {
        t.add({"Started",
               std::string(start) + " (up " + util::format_seconds(util::unix_now() - *t0) + ")"});
      }
      bool reload = true;
      if (d["reloadConfigSuccess"].get(reload) == simdjson::SUCCESS) {
        std::string when(promapi::get_string(d, "lastConfigTime"));
        t.add({"Config", reload ? "last reload succeeded, " + when
                                : "LAST RELOAD FAILED; running the config loaded " + when});
      }
      std::string_view retention = promapi::get_string(d, "storageRetention");
      if (!retention.empty()) t.add({"Retention", std::string(retention)});
      double goroutines = promapi::get_number(d, "goroutineCount", -1);
      if (goroutines >= 0) {
        t.add({"Runtime",
               std::to_string(static_cast<long long>(goroutines)) + " goroutines, GOMAXPROCS " +
                   std::to_string(static_cast<long long>(promapi::get_number(d, "GOMAXPROCS")))});
      }
      double corruption = promapi::get_number(d, "corruptionCount", 0);
      if (corruption > 0)
        t.add({"Corruption",
               std::to_string(static_cast<long long>(corruption)) + " WAL corruptions"});
    } else {
      t.add({"Runtime", "not provided by this server"});
    }
    if (flags != nullptr) {
      simdjson::dom::object obj;
      if (flags->data().get(obj) == simdjson::SUCCESS) {
        for (auto [key, value] : obj) {
          std::string_view v;
          if (value.get(v) != simdjson::SUCCESS) continue;
          bool key_flag =
              std::find(std::begin(kKeyFlags), std::end(kKeyFlags), key) != std::end(kKeyFlags);
          if (all_flags_ || key_flag) t.add({"--" + std::string(key), std::string(v)});
        }
      }
    }
    t.print(io.out);
  }

  bool all_flags_ = false;
  ServerFlags server_;
};

}  // namespace

std::unique_ptr<Command> make_status_command() { return std::make_unique<StatusCommand>(); }

}  // namespace caxtool::cli
