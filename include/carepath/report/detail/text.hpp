#pragma once
// Number and text formatting shared by the report writers. Locale-free
// (std::to_chars), so a report is byte-identical whatever the user's locale.
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

namespace carepath::report::detail {

// `v` with exactly `decimals` digits after the point; "-0.00" is printed as
// "0.00".
inline std::string fixed(double v, int decimals) {
    if (!std::isfinite(v))
        return "NaN";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (ec != std::errc{})
        return "NaN";
    std::string out{buf, end};
    if (out.starts_with('-') && out.find_first_not_of("-0.") == std::string::npos)
        out.erase(0, 1);
    return out;
}

// The shortest text that reads back as `v`: "12", "0.25", "1e+20".
inline std::string shortest(double v) {
    if (!std::isfinite(v))
        return "NaN";
    if (v == 0.0)
        return "0";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc{})
        return "NaN";
    return {buf, end};
}

// Escapes text for HTML and SVG element content and attribute values.
inline std::string escape_xml(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace carepath::report::detail
