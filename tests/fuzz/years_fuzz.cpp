// libFuzzer target: merging returns of two years (ssda903/years.hpp). The input is split at its
// first 0 byte into the Episodes files of 2019-20 and 2020-21, read by the real reader. Any bytes
// give a merge and diagnostics (never a crash); every diagnostic names a file; every episode key
// (CHILD and DECOM) of either year is in the merge; the merge never holds more rows than the two
// years together; and the same input merges to the same rows and diagnostics twice.
#include "carepath/ssda903/years.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {
using namespace carepath::ssda903;

year_return year(int y, std::string_view text) {
    year_return r{.collection_year = y, .name = std::to_string(y), .data = {}};
    r.data.collection_year = y;
    r.data.tables.emplace("Episodes", read_table_text(text, std::to_string(y) + "/episodes.csv",
                                                      "Episodes", r.data.read_errors, y));
    return r;
}

std::set<std::string> keys(const table& t) {
    std::set<std::string> out;
    const std::vector<std::string_view> cols{"CHILD", "DECOM"};
    if (!t.column("CHILD") || !t.column("DECOM")) return out;
    for (const auto& r : t.rows) out.insert(detail::row_key(t, r, cols));
    return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view all{reinterpret_cast<const char*>(data), size};
    const auto cut = all.find('\0');
    const auto a = all.substr(0, cut);
    const auto b = cut == std::string_view::npos ? std::string_view{} : all.substr(cut + 1);
    const auto first = year(2020, a), second = year(2021, b);
    const auto m = merge_years({first, second});
    const auto again = merge_years({first, second});
    if (!(m.diagnostics == again.diagnostics)) __builtin_trap();
    for (const auto& d : m.diagnostics)
        if (d.file.empty()) __builtin_trap();
    const auto* eps = m.merged.find("Episodes");
    if (!eps) __builtin_trap();
    if (eps->rows.size() > first.data.find("Episodes")->rows.size()
                               + second.data.find("Episodes")->rows.size())
        __builtin_trap();
    if (eps->rows.size() != again.merged.find("Episodes")->rows.size()) __builtin_trap();
    for (const auto& r : eps->rows)
        if (eps->cells(r).size() != eps->columns.size() || eps->file_of(r).empty()) __builtin_trap();
    const auto merged = keys(*eps);
    for (const auto* y : {&first, &second})
        for (const auto& k : keys(*y->data.find("Episodes")))
            if (!merged.contains(k)) __builtin_trap();
    return 0;
}
