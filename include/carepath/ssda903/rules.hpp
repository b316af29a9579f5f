#pragma once
/// @file
/// Every DfE rule carepath implements, gathered from the per-topic headers in rules/, and the
/// question "is this code implemented in this collection year?".
#include "carepath/ssda903/rule.hpp"
#include "carepath/ssda903/rules/adoption.hpp"
#include "carepath/ssda903/rules/care_details.hpp"
#include "carepath/ssda903/rules/continuity.hpp"
#include "carepath/ssda903/rules/episode_sequence.hpp"
#include "carepath/ssda903/rules/episodes.hpp"
#include "carepath/ssda903/rules/header.hpp"
#include "carepath/ssda903/rules/outcomes.hpp"
#include "carepath/ssda903/rules/social_worker.hpp"

#include <string_view>
#include <vector>

namespace carepath::ssda903 {

/// All implemented rules, every version (a code the DfE changed has one entry per version).
[[nodiscard]] inline std::vector<rule> all_rules() {
    std::vector<rule> out;
    for (auto&& group : {rules::header_rules(), rules::episode_rules(),
                         rules::episode_sequence_rules(), rules::adoption_rules(),
                         rules::outcome_rules(), rules::care_detail_rules(),
                         rules::continuity_rules(), rules::social_worker_rules()})
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

/// Why carepath does not implement `code` (empty when it does, or the code is unknown).
[[nodiscard]] constexpr std::string_view not_implemented_reason(std::string_view code) noexcept {
    if (one_of(code, {"1008", "219", "221", "224", "227", "228", "229"}))
        return "needs Ofsted's provider register (URN, postcode, registration dates), which "
               "carepath does not ship";
    if (code == "392c")
        return "needs the ONS postcode directory to tell real postcodes from well-formed ones";
    if (code == "1001")
        return "not yet implemented: needs every earlier return to know whether a young person "
               "is a relevant or former relevant child";
    if (one_of(code, {"205A", "205B", "205C"}))
        return "not yet implemented: UASC status of both years, from the XML Header flag or the "
               "UASC tables";
    if (code == "707") return "not yet implemented: DoLO open when the period of care ended";
    if (one_of(code, {"SW11aSTG2", "SW11bSTG2"}))
        return "not yet implemented: social worker episode ending in the last five days of the year";
    if (one_of(code, {"SW15STG2", "SW16aSTG2", "SW16bSTG2", "SW16cSTG2"}))
        return "never in force: the DfE's 2024-25 release adds and retires it at once";
    return {};
}

/// True when carepath implements `code` for collection year `year`.
[[nodiscard]] inline bool is_implemented(std::string_view code, int year) {
    for (const auto& r : all_rules())
        if (r.code == code && r.applies_in(year)) return true;
    return false;
}

} // namespace carepath::ssda903
