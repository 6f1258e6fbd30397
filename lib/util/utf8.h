// SPDX-License-Identifier: Apache-2.0
// UTF-8 encoding as Go's utf8.EncodeRune does it, for every parser that turns an escape (\u00e9,
// \x{...}) into bytes: JSON, PromQL strings and Go templates.
#pragma once

#include <cstdint>
#include <string>

namespace caxtool::util {

// Appends `code_point` as UTF-8; a surrogate or a value past U+10FFFF becomes U+FFFD.
void append_utf8(std::string& out, uint32_t code_point);

}  // namespace caxtool::util
