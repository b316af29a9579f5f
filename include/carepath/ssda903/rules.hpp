#pragma once
/// @file
/// Every DfE rule carepath implements, gathered from the per-topic headers in rules/, and the
/// question "is this code implemented in this collection year?".
#include "carepath/ssda903/rule.hpp"
#include "carepath/ssda903/rules/episode_sequence.hpp"
#include "carepath/ssda903/rules/episodes.hpp"
#include "carepath/ssda903/rules/header.hpp"

#include <string_view>
#include <vector>

namespace carepath::ssda903 {

/// All implemented rules, every version (a code the DfE changed has one entry per version).
[[nodiscard]] inline std::vector<rule> all_rules() {
    std::vector<rule> out;
    for (auto&& group : {rules::header_rules(), rules::episode_rules(),
                         rules::episode_sequence_rules()})
        out.insert(out.end(), group.begin(), group.end());
    return out;
}

/// The implemented rules that apply in collection year `year`.
[[nodiscard]] inline std::vector<rule> rules_for_year(int year) {
    std::vector<rule> out;
    for (const auto& r : all_rules())
        if (r.applies_in(year) && find_catalogue_entry(r.code, year)) out.push_back(r);
    return out;
}

/// True when carepath implements `code` for collection year `year`.
[[nodiscard]] inline bool is_implemented(std::string_view code, int year) {
    for (const auto& r : all_rules())
        if (r.code == code && r.applies_in(year)) return true;
    return false;
}

} // namespace carepath::ssda903
