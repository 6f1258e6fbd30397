// SPDX-License-Identifier: Apache-2.0
// The component types an OpenTelemetry Collector knows, as data: `otelcol validate` answers an
// unknown type with an error, and a type that a release removed (logging, jaeger, the vendor
// exporters) is the commonest reason a working config breaks at an upgrade. One table, kept in
// components.cpp, says which distribution ships each type, when it was removed and what
// replaces it, and which signals it handles where that is certain.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caxtool::collector {

// A collector release, 0.MINOR in practice.
struct Version {
  int major = 0;
  int minor = 0;
  friend auto operator<=>(const Version&, const Version&) = default;
};

// The newest release the table was read from.
inline constexpr Version kNewestVersion{0, 159};

std::string version_string(Version v);  // "v0.111.0"

enum class Kind : uint8_t { kReceiver, kProcessor, kExporter, kExtension, kConnector };
std::string_view kind_name(Kind k);     // "receiver"
std::string_view section_name(Kind k);  // "receivers"

enum class Distribution : uint8_t { kCore, kContrib };

// Signals as a bit set; 0 means "not recorded here", and no signal check is made.
enum Signal : uint8_t { kTraces = 1, kMetrics = 2, kLogs = 4, kProfiles = 8 };
inline constexpr uint8_t kAllSignals = kTraces | kMetrics | kLogs | kProfiles;
inline constexpr uint8_t kTML = kTraces | kMetrics | kLogs;
std::string_view signal_name(uint8_t one_signal);  // "traces"

// Never shipped at all: a name people guess (awscloudwatchmetrics), with what to use.
inline constexpr Version kNeverShipped{0, 0};

struct ComponentType {
  Kind kind;
  std::string_view name;
  Distribution distribution;  // kCore: in otelcol and otelcol-contrib
  Version removed;            // first release without it; {0,0} with no replacement: current
  std::string_view replacement;
  uint8_t signals = 0;          // for connectors: the signals it takes as an exporter
  uint8_t connector_to = 0;     // connectors: the signals it emits as a receiver
  bool connector_same = false;  // connectors: emits only the signal it was given
  Version added{};              // first release with the type, where it matters
  std::string_view renamed_to;  // the new name; this one is a deprecated alias since `renamed`
  Version renamed{};
  bool is_removed_entry() const { return removed.minor != 0 || !replacement.empty(); }
  Version renamed_in() const { return renamed; }
};

// Every known type of `kind` (current and removed), sorted by name.
std::span<const ComponentType> component_types();
const ComponentType* find_type(Kind kind, std::string_view name);
// Current types of `kind` for "did you mean".
std::vector<std::string_view> current_type_names(Kind kind, Distribution dist);

// Whether a connector can take `from` as an exporter and give `to` as a receiver.
bool connector_supports(const ComponentType& t, uint8_t from, uint8_t to);

}  // namespace caxtool::collector
