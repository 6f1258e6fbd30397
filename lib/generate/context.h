// SPDX-License-Identifier: Apache-2.0
// The template context of `caxtool generate`: the validated values plus what the templates cannot
// compute themselves (target lists, version switches, unit-test fixtures and the exact alert
// texts those tests expect). Kept apart from the renderer so the templates stay logic-free.
#pragma once

#include <nlohmann/json.hpp>

namespace caxtool::generate {

// Builds the template context: the validated values plus a "derived" object with what the
// templates compute (target lists, version switches, unit-test fixtures). Pure: no I/O.
nlohmann::json build_context(const nlohmann::json& values);

}  // namespace caxtool::generate
