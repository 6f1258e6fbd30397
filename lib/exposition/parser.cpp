// SPDX-License-Identifier: Apache-2.0
// What both formats share: chunking into lines, the family table, diagnostics with positions,
// and the source lines kept for rendering. The format rules live in text_parser.cpp and
// om_parser.cpp.
#include "exposition/parser.h"

#include <cstring>

namespace caxtool::exposition {

std::string SourceLines::sparse_text() const {
  std::string out;
  int at = 1;
  for (const auto& [line, text] : lines_) {
    out.append(static_cast<size_t>(line - at), '\n');
    out += text;
    out += '\n';
    at = line + 1;
  }
  return out;
}

void Parser::feed(std::string_view chunk) {
  if (!carry_.empty()) {
    const char* nl = static_cast<const char*>(std::memchr(chunk.data(), '\n', chunk.size()));
    if (nl == nullptr) {
      carry_.append(chunk);
      return;
    }
    size_t n = static_cast<size_t>(nl - chunk.data());
    carry_.append(chunk.substr(0, n));
    std::string line = std::move(carry_);
    carry_.clear();
    parse_line(line, true);
    chunk.remove_prefix(n + 1);
  }
  const char* p = chunk.data();
  const char* end = p + chunk.size();
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (nl == nullptr) {
      carry_.assign(p, static_cast<size_t>(end - p));
      return;
    }
    parse_line(std::string_view(p, static_cast<size_t>(nl - p)), true);
    p = nl + 1;
  }
}

void Parser::finish() {
  if (!carry_.empty()) {
    // Kept in a member: om_finish() still points at the last line.
    last_line_ = std::move(carry_);
    carry_.clear();
    parse_line(last_line_, false);
  } else {
    parse_line({}, false);  // the end of input, at the start of a line
  }
  if (options_.format == Format::kOpenMetrics) om_finish();
}

void Parser::parse_line(std::string_view line, bool terminated) {
  ++line_no_;
  line_ = line;
  if (options_.format == Format::kPrometheus) {
    text_line(line, terminated);
  } else {
    om_line(line, terminated);
  }
}

void Parser::report(diag::Severity severity, std::string_view check, std::string message,
                    int column, int end_column, std::string hint) {
  if (severity == diag::Severity::kError) {
    if (++errors_ > options_.max_errors) {
      if (errors_ == options_.max_errors + 1) {
        diags_.add(
            {options_.file, 0, 0, 0, 0, diag::Severity::kError, "exposition/syntax",
             "too many errors; stopped reporting after " + std::to_string(options_.max_errors),
             ""});
      }
      return;
    }
  }
  source_.keep(line_no_, line_);
  diag::Diagnostic d;
  d.file = options_.file;
  d.line = line_no_;
  d.column = column;
  d.end_line = line_no_;
  d.end_column = end_column > column ? end_column : column + 1;
  d.severity = severity;
  d.check = std::string(check);
  d.message = std::move(message);
  d.hint = std::move(hint);
  diags_.add(std::move(d));
}

// Columns count code points, as the renderer's caret does.
void Parser::error(std::string_view check, std::string message, size_t offset, size_t end,
                   std::string hint) {
  auto column = [&](size_t off) {
    int col = 1;
    for (size_t i = 0; i < off && i < line_.size(); ++i) {
      col += (static_cast<unsigned char>(line_[i]) & 0xC0) != 0x80 ? 1 : 0;
    }
    return col;
  };
  int c = column(offset);
  report(diag::Severity::kError, check, std::move(message), c, end > offset ? column(end) : c + 1,
         std::move(hint));
}

Family* Parser::find_family(std::string_view name) {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &families_[it->second];
}

Family& Parser::family_named(std::string_view name) {
  auto [it, fresh] =
      by_name_.try_emplace(std::string(name), static_cast<uint32_t>(families_.size()));
  if (fresh) {
    Family& f = families_.emplace_back();
    f.name = std::string(name);
    f.id = it->second;
    f.line = line_no_;
  }
  return families_[it->second];
}

void Parser::emit(Sample& s) {
  ++samples_;
  s.labels = labels_;
  s.line = line_no_;
  if (handler_ != nullptr) handler_->on_sample(s);
}

}  // namespace caxtool::exposition
