#pragma once
/// @file
/// The default calibration for England and the published figures a run is judged against.
/// Every number carries its source: the `id` of a row of tests/data/sim/calibration.csv (each
/// row names its publication), or `assumption` when the data has no figure (then our modelling
/// choice, said so, and never presented as calibrated). Numbers adjusted by `fit()` are marked
/// `fitted`: a fitted figure is an input, not evidence that the model is right.
#include "carepath/sim/summary.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace carepath::sim {

/// Where a number comes from.
enum class provenance : std::uint8_t {
    published, ///< a row of calibration.csv, used as given
    derived,   ///< simple arithmetic on published rows (the note says which)
    assumption ///< not in the data: our modelling choice
};

/// A number with its source beside it.
struct sourced {
    /// The number.
    double value = 0;
    /// Published, derived or an assumption.
    provenance from = provenance::assumption;
    std::string_view source; ///< calibration.csv id(s); empty for an assumption
    /// How the number was read or why it was chosen.
    std::string_view note;
    bool fitted = false; ///< adjusted by fit() to published targets
};

/// A table of numbers sharing one source.
template <std::size_t N>
struct sourced_table {
    /// The numbers, one per slot; the member's note says what the slots are.
    std::array<double, N> values{};
    /// Published, derived or an assumption.
    provenance from = provenance::assumption;
    /// calibration.csv id(s); empty for an assumption.
    std::string_view source;
    /// How the numbers were read or why they were chosen.
    std::string_view note;
};

/// A table of numbers by two keys (rows, then columns) sharing one source.
template <std::size_t R, std::size_t C>
struct sourced_grid {
    /// The numbers: `values[row][column]`.
    std::array<std::array<double, C>, R> values{};
    /// Published, derived or an assumption.
    provenance from = provenance::assumption;
    /// calibration.csv id(s); empty for an assumption.
    std::string_view source;
    /// How the numbers were read or why they were chosen.
    std::string_view note;
};

/// Hazards and inputs of the model. Rates are per year; shares are 0-1.
struct calibration {
    // --- the starting stock ---------------------------------------------------------------
    /// Children in care on the stock date.
    sourced stock_count{78140, provenance::published, "cla_count_2019", "revised 2019 stock"};
    /// Percent of the stock in each age band.
    sourced_table<band_count> stock_age{
        {5, 14, 19, 39, 23},
        provenance::published,
        "cla_age_under1_share_2021,cla_age1_4_share_2021,cla_age5_9_share_2021,"
        "cla_age10_15_share_2021,cla_age16plus_share_2021",
        "the 2020 split is not published; the 2021 split is used (10-15 is 39% in both years)"};
    /// Percent of the stock in each kind of home.
    sourced_table<home_count> stock_home{
        {57.5, 14.5, 8.5, 4.5, 3, 7, 3, 2},
        provenance::derived,
        "placement_foster_share_2020,kinship_foster_share_cla_2018,kinship_foster_share_cla_2021,"
        "childrens_homes_count_2020,cla_count_2020,placement_residential_semi_share_2020,"
        "placement_independent_community_share_2020,placement_with_parents_share_2020,"
        "placement_for_adoption_share_2020,placement_other_residential_share_2020",
        "foster 72 split into kinship 14.5 (inside the 13-15 bracket) and unrelated 57.5; "
        "children's homes 6780/80080 = 8.5; semi-independent and secure = 13 - 8.5"};
    /// Percent of the stock in long-term foster homes.
    sourced stock_long_term{28, provenance::published, "long_term_foster_share_2019",
                            "share of all looked-after children in long-term foster homes"};
    /// Percent of the stock accommodated under s20.
    sourced stock_s20{18, provenance::published, "legal_s20_share_2019", ""};
    /// Percent of the stock on a placement order.
    sourced stock_placement_order{7, provenance::published, "legal_placement_order_share_2019", ""};
    /// Share of the stock's care orders that are interim orders.
    sourced stock_interim_of_care_orders{0.12, provenance::assumption, "",
                                         "share of care orders that are interim: not published"};
    /// Percent of the stock who are unaccompanied asylum-seeking children.
    sourced stock_uasc{6, provenance::published, "uasc_share_2020", ""};
    /// Percent of the stock placed outside their home authority.
    sourced stock_out_of_area{41, provenance::published, "out_of_area_share_2020", ""};
    /// Percent of children who are male, in the stock and among entrants.
    sourced male{56, provenance::published, "cla_male_share_2020", "applied to entrants too"};

    // --- entries --------------------------------------------------------------------------
    sourced entries_per_year{27109, provenance::assumption, "",
                             "first entries a year (children not looked after before); fitted so "
                             "that first entries plus simulated re-entries give cla_starts_2020, "
                             "which counts both; used unless a population projection is given",
                             true};
    /// Share of entrants in each age band.
    sourced_table<band_count> entry_age{
        {0.25, 0.12, 0.14, 0.27, 0.22},
        provenance::assumption,
        "",
        "entrants' ages are not in the data; chosen so that the stock the hazards keep up (after "
        "the burn-in) has an age split near the published one"};
    sourced entry_s20{0.240, provenance::assumption, "",
                      "share of entrants accommodated under s20; fitted to legal_s20_share_2020",
                      true};
    sourced entry_uasc{0.171, provenance::assumption, "",
                       "share of entrants who are unaccompanied; fitted to uasc_count_2020", true};
    /// Share of families entering care with 1, 2, 3, 4 children.
    sourced_table<4> sibling_group_size{{0.50, 0.27, 0.13, 0.10},
                                        provenance::assumption,
                                        "",
                                        "families entering with 1, 2, 3, 4 children"};

    // --- homes chosen at entry and at a move, by age band (weights over home_kind) -----------
    /// Weights over `home_kind` for the first home, one row per age band.
    std::array<std::array<double, home_count>, band_count> entry_home{{
        {53.4, 24.1, 0, 0, 0, 32.4, 0, 25},
        {58.6, 27, 0, 0, 0, 38.8, 0, 4.17},
        {60.4, 25.5, 5.76, 0, 0, 25.9, 0, 2.09},
        {53.4, 18, 24.6, 0, 0, 16.3, 0, 8.36},
        {28.5, 7.52, 20.1, 193, 83.3, 6.48, 0, 4.17},
    }};
    /// Weights over `home_kind` for the home after a move, one row per age band.
    std::array<std::array<double, home_count>, band_count> move_home{{
        {68.9, 22.7, 0, 0, 0, 16.3, 0, 0},
        {67.2, 24.1, 0, 0, 0, 19.5, 0, 0},
        {65.4, 18, 13, 0, 0, 6.48, 0, 2.09},
        {51.7, 12, 37.4, 0, 0, 6.48, 0, 8.36},
        {21.6, 4.5, 31.6, 203, 111, 0, 0, 4.17},
    }};
    /// Where `entry_home` and `move_home` come from.
    std::string_view homes_note = "assumption: entry and move destinations by age are not "
                                  "published; the pattern (which homes are open to which ages) "
                                  "is ours, the column weights are fitted to the 31 March 2020 "
                                  "placement shares (stock_home)";

    // --- moves ----------------------------------------------------------------------------
    /// Moves per year from each kind of home, before `move_duration` and `move_scale`.
    sourced_table<home_count> move_rate{{0.28, 0.14, 0.55, 0.45, 0.25, 0.20, 0.04, 0.6},
                                        provenance::assumption,
                                        "",
                                        "moves per year by home before the duration factor"};
    /// Factor on the move rate by time in the placement: <3 months, 3-12 months, 1-2 years, 2+.
    sourced_table<4> move_duration{{2.0, 1.0, 0.6, 0.35},
                                   provenance::assumption,
                                   "",
                                   "factor for time in placement <3m, 3-12m, 1-2y, 2y+"};
    /// Factor on the move rate in a long-term foster home.
    sourced long_term_move_factor{0.4, provenance::assumption, "", ""};
    sourced move_scale{1.82, provenance::assumption, "", "fitted to placements_3plus_share_2020",
                       true};
    /// Share of moves that are planned.
    sourced planned_move_share{0.55, provenance::assumption, "", "share of moves that are planned"};

    // --- legal changes --------------------------------------------------------------------
    /// Weeks care proceedings are expected to take (the PLO target).
    sourced plo_weeks{26, provenance::published, "plo_target_weeks",
                      "interim orders last the PLO target plus an exponential extra"};
    /// Mean weeks proceedings run beyond the PLO target.
    sourced proceedings_extra_weeks{12, provenance::assumption, "", "mean weeks beyond the target"};
    sourced placement_order_at_final_under5{0.668, provenance::assumption, "",
                                            "under-5s given a placement order at the final "
                                            "hearing; fitted to adoptions_2020",
                                            true};
    sourced care_to_placement_order_rate{0.178, provenance::assumption, "",
                                         "later placement orders for under-5s, per year; "
                                         "fitted to adoptions_2020",
                                         true};
    /// Rate per year at which a child under 16 accommodated under s20 comes under an interim order.
    sourced s20_to_proceedings_rate{0.12, provenance::assumption, "", ""};
    /// Mean months from placement order to placement for adoption (the match).
    sourced match_months{8, provenance::published, "adoption_decision_to_match_months_2019",
                         "mean months from placement order to placement for adoption"};
    /// Mean months from placement for adoption to the adoption order.
    sourced placed_to_order_months{9, provenance::derived,
                                   "adoption_entry_to_order_months_2019,"
                                   "adoption_entry_to_decision_months_2019,"
                                   "adoption_decision_to_match_months_2019",
                                   "23 - 6 - 8 months"};
    /// Share placed for adoption with their foster carers.
    sourced adoption_with_current_carers{0.15, provenance::assumption, "",
                                         "share placed for adoption with their foster carers"};
    /// Rate per year at which a placement order is revoked before the child is placed.
    sourced placement_order_revoked_rate{0.12, provenance::assumption, "", ""};
    sourced long_term_rate{0.973, provenance::assumption, "",
                           "per year, care-order foster placements of 6 months+ agreed long-term; "
                           "fitted to long_term_foster_share_2019",
                           true};

    // --- exits ----------------------------------------------------------------------------
    /// Rate per year of going home, by legal group, before `return_home_scale`.
    sourced_table<legal_count> return_home_rate{
        {0.75, 0.30, 0.055, 0}, provenance::assumption, "", "per year by legal group"};
    /// Factor on the return-home rate for a child placed with parents.
    sourced with_parents_return_factor{3.5, provenance::assumption, "", ""};
    sourced return_home_scale{0.569, provenance::assumption, "", "fitted to cla_ceased_2020", true};
    sourced sgo_kinship_rate{0.24, provenance::assumption, "", ""};
    /// Rate per year of an SGO to the foster carers, after a year in the placement.
    sourced sgo_foster_rate{0.012, provenance::assumption, "",
                            "to former foster carers: same carer, not a move"};
    /// Rate per year of leaving on a child arrangements order (kinship or placed with parents).
    sourced cao_rate{0.04, provenance::assumption, "", "kinship and placed-with-parents"};
    /// Rate per year of leaving to live independently at 16 or 17.
    sourced independent_living_rate{0.08, provenance::assumption, "", "16-17 year olds"};
    sourced other_exit_rate{0.0285, provenance::assumption, "",
                            "exits other than return home, orders, adoption, 16+ independence "
                            "and 18; fitted to return_home_share_2019_20",
                            true};
    /// Share of 18-year-olds in foster care who stay put.
    sourced staying_put_share{0.45, provenance::assumption, "",
                              "18-year-olds in foster care who stay put"};
    /// Under `staying_close_to_25`, share of 18-year-olds in children's homes who stay close.
    sourced staying_close_share{0.5, provenance::assumption, "",
                                "under the staying-close scenario, those in children's homes"};

    // --- after care -----------------------------------------------------------------------
    /// Rate per year of coming back into care after going home, while followed.
    sourced reentry_after_return_rate{0.10, provenance::assumption, "", "per year, for 5 years"};
    /// Rate per year at which a special guardianship breaks down and the child comes back.
    sourced sgo_disruption_rate{
        0.012, provenance::assumption, "",
        "per year; where 0.012 came from was not recorded. Over 5 years it gives "
        "1 - exp(-0.06) = 5.8%, the level of sgo_disruption_5yr_2014 (5.7%), so that row is "
        "a target, not evidence"};
    /// Rate per year at which a child arrangements order breaks down and the child comes back:
    /// in the first `cao_disruption_early_years` after the order, then after.
    sourced_table<2> cao_disruption_rate{
        {0.03, 0.015},
        provenance::assumption,
        "",
        "per year, early years after the order then later: no published hazard by time since "
        "the order was found; the early years carry more, as placement breakdowns fall with "
        "duration (move_duration), and the level over 5 years is the earlier flat 2% a year. "
        "Not set from residence_order_disruption_5yr_2014, a validation row"};
    /// Years after a child arrangements order that count as early for `cao_disruption_rate`.
    sourced cao_disruption_early_years{2, provenance::assumption, "",
                                       "years after the order at the early rate"};
    /// Rate per year at which an adoption breaks down and the child comes back, while the child
    /// is under 4; older children's rates are multiples of it.
    sourced adoption_breakdown_under4_rate{
        0.00075, provenance::assumption, "",
        "per year under 4: the earlier flat 0.4% a year kept as the mean over ages 0-17 under "
        "the age pattern below ((4 + 7 x 3 + 7 x 10) / 18 = 5.3 times this rate). Not set from "
        "adoption_disruption_5yr_2014 or adoption_disruption_12yr_2014, validation rows"};
    /// Adoption breakdown rate at ages 4-10, as a multiple of the under-4 rate.
    sourced adoption_breakdown_middle_factor{
        3, provenance::assumption, "",
        "ages 4-10 against under 4: between under-4s and teenagers (x10); the study gives no "
        "figure for this age"};
    /// Adoption breakdown rate at ages 11-17, as a multiple of the under-4 rate.
    sourced adoption_breakdown_teen_factor{
        10, provenance::published, "adoption_disruption_teen_vs_under4_2014",
        "11-16 year olds ten times as likely to have a disruption as under-4s; 17 as 11-16"};
    // Children who left before the start date, followed for a return from it (after_care.hpp):
    // the leavers of each earlier year are held at the 2019/20 level (the earlier years'
    // published ceased counts are validation rows and are not read).
    /// Children leaving care in a year, for the leavers before the start date.
    sourced after_care_ceased{29590, provenance::published, "cla_ceased_2020",
                              "leavers a year before the start date"};
    /// Percent of leavers who went home, for the leavers before the start date.
    sourced after_care_return_home_share{29, provenance::published, "return_home_share_2019_20",
                                         "percent of leavers who went home"};
    /// Leavers on a special guardianship order a year, before the start date.
    sourced after_care_sgo{3830, provenance::published, "sgo_exits_2019",
                           "leavers on an SGO a year (2020 count not published in the data)"};
    /// Adoptions a year, for the leavers before the start date.
    sourced after_care_adoptions{3440, provenance::published, "adoptions_2020", ""};
    /// Share of leavers on a child arrangements order, before the start date.
    sourced after_care_cao_share{0.04, provenance::assumption, "",
                                 "share of leavers who leave on a child arrangements order: no "
                                 "count in the data"};
    /// Age band of children who went home before the start date.
    sourced_table<band_count> after_care_age_return_home{
        {0.20, 0.17, 0.16, 0.30, 0.17},
        provenance::assumption,
        "",
        "age band at a return home before the start date: as entrants' ages (entry_age), since "
        "most returns come within a year of entry"};
    /// Age band of children who left on an SGO or CAO before the start date.
    sourced_table<band_count> after_care_age_orders{
        {0.10, 0.40, 0.30, 0.20, 0},
        provenance::assumption,
        "",
        "age band on leaving on an SGO or CAO before the start date: mostly young children "
        "with relatives; 16-17 year olds left out (too close to 18 to matter)"};
    /// Age band at adoption of children adopted before the start date.
    sourced_table<band_count> after_care_age_adoption{
        {0.10, 0.80, 0.10, 0, 0},
        provenance::assumption,
        "",
        "age band at an adoption order before the start date: most adopted children are 1-4"};

    // --- siblings ---------------------------------------------------------------------------
    /// Chance a sibling group entering care has a recorded reason to be placed apart (current
    /// practice); the others are placed together when a household with room is found.
    sourced siblings_apart_reason{
        0.15, provenance::assumption, "",
        "share of sibling groups with a recorded reason to live apart (Children Act 1989 "
        "s22C(8)(c): together so far as reasonably practicable and consistent with welfare); "
        "the Children's Commissioner (Siblings in care, 2023) names separation in the "
        "children's best interests as one of three reasons, with no share; the other two "
        "(too few places for sibling groups, inconsistent decisions) are the search below. "
        "The published separation figures are validation rows and do not set it"};
    /// Households checked for room for a whole sibling group before it is split (current
    /// practice); `together_unless_reason` checks every free household.
    sourced sibling_search_households{
        12, provenance::assumption, "",
        "households a placement search checks for room for the whole group, on each side of "
        "the boundary, before the group is split; no published count of households "
        "considered was found"};
    /// Chance a move into foster care joins a sibling's foster carer who has room.
    sourced siblings_reunite_on_move{0.5, provenance::assumption, "",
                                     "chance a move into foster care joins a sibling's foster "
                                     "carer who has room (Children Act 1989 s22C(8)(c): with "
                                     "siblings so far as practicable); the published separation "
                                     "figures are validation rows and do not set it"};
    /// Chance siblings are kept together under `together_unless_reason`: at entry (1 minus the
    /// share with a recorded reason), and at a move that breaks down for one child only.
    sourced siblings_together_policy{0.9, provenance::assumption, "",
                                     "under together_unless_reason: at entry, and the chance "
                                     "a breakdown specific to one child still moves the "
                                     "siblings living with them together"};

    // --- workforce and carers -----------------------------------------------------------------
    /// Mean children per social worker.
    sourced sw_caseload{16, provenance::published, "sw_caseload_mean", "'more than 16'"};
    /// Share of social workers leaving a year.
    sourced sw_turnover{0.135, provenance::published, "sw_turnover_2020", ""};
    sourced sw_agency_share{0.15, provenance::published, "sw_agency_rate",
                            "a check, not an input: the model's agency workers are those "
                            "covering vacancies (sw_vacancy_rate x sw_vacancy_cover_share)"};
    sourced sw_agency_turnover_factor{3, provenance::assumption, "",
                                      "an agency worker leaves this many times as fast as a "
                                      "permanent one; no published length of agency stays found"};
    sourced sw_transfer_rate{0.66, provenance::assumption, "",
                             "other reallocations of a child's case per year (a worker moving "
                             "team inside the authority, which turnover does not count; "
                             "caseload balancing; short cover); fitted by hand to "
                             "sw_3plus_workers_share_2024 (docs/validation.md)"};
    /// Share of social work posts vacant (vacancies over vacancies plus staff in post).
    sourced sw_vacancy_rate{0.161, provenance::published, "sw_vacancy_rate_2020",
                            "FTE vacancies / (vacancies + FTE in post), 30 September 2020"};
    /// Share of vacancies covered by an agency worker until the post is filled.
    sourced sw_vacancy_cover_share{0.699, provenance::derived,
                                   "sw_agency_covering_vacancies_fte_2021,sw_vacancies_fte_2021",
                                   "4,558 / 6,522 FTE on 30 September 2021: a vacancy's cases go "
                                   "to an agency worker until it is filled; otherwise they are "
                                   "shared out in the team"};
    /// Chance a case moves to a children-in-care team at the final order or the s20 review.
    sourced sw_care_team_share{0.75, provenance::assumption, "",
                               "chance a case moves from the team that brought the child into "
                               "care to a children-in-care team (at the final order, or at the "
                               "s20 review below); transfer points of this kind are in the "
                               "case-transfer procedures of Salford, Bolton, Bexley and "
                               "Islington; no national count of team structures found"};
    /// Days from entry to the move of an s20 case to the children-in-care team.
    sourced sw_care_team_days{119, provenance::assumption, "",
                              "days from entry to the transfer of an s20 case: the second review "
                              "(Care Planning, Placement and Case Review (England) Regulations "
                              "2010, reg 33: the first within 20 working days, the second within "
                              "3 months of it)"};
    /// Chance a case moves to a 16+ (leaving care) team at the 16th birthday.
    sourced sw_sixteen_team_share{0.5, provenance::assumption, "",
                                  "chance the case moves to a 16+ (leaving care) team at the "
                                  "16th birthday: Islington's procedures move it at 16, "
                                  "Redbridge's and Plymouth's at 18"};
    sourced foster_carers{71150, provenance::published, "foster_carers_approved_2020", ""};
    /// Approved foster carers per fostering household.
    sourced carers_per_household{1.4, provenance::assumption, "", ""};
    /// Approved places per fostering household: a check on `household_places`, not an input.
    sourced places_per_household{1.99, provenance::derived,
                                 "fostering_places_2019,fostering_households_2019",
                                 "88,370 approved places / 44,450 households, 31 March 2019 "
                                 "(Ofsted, Fostering in England); the mean of household_places"};
    /// Share of fostering households with 1, 2, 3, 4 places (4: approved for a sibling group).
    sourced_table<4> household_places{
        {0.35, 0.40, 0.16, 0.09},
        provenance::assumption,
        "",
        "households with 1, 2, 3, 4 places: the split is an assumption (Ofsted publishes "
        "places and households, not households by places) chosen so the mean is "
        "places_per_household (1.99); the 4-place households stand for carers approved for "
        "sibling groups (the usual limit of three foster children does not apply to siblings, "
        "Children Act 1989 Sch 7)"};
    /// Share of fostering households with places free to use.
    sourced household_available{0.62, provenance::assumption, "",
                                "share of households with places free to use"};
    /// Foster carers approved a year.
    sourced carer_approvals{2135, provenance::published, "foster_carer_approvals_2019_20", ""};
    /// Share of fostering households leaving a year.
    sourced household_leaving_rate{
        0.0484, provenance::assumption, "",
        "per year; balances approvals at baseline: 2,135 carers approved a year over 71,150 "
        "carers x 0.62 available (the carers per household cancel), so the pool neither grows "
        "nor shrinks (was 0.042, 2,135 / 50,821 households, which let it grow 0.6% a year)"};
    /// Children per children's home.
    sourced home_capacity{4, provenance::assumption, "", "children per children's home"};
    sourced_table<home_count> inside_share{{0.727, 0.826, 0.615, 0.722, 0.813, 0.969, 0.658, 0.565},
                                           provenance::assumption,
                                           "",
                                           "chance a new placement is sought inside the home "
                                           "authority, by home; fitted to out_of_area_share_2020"};
    /// Chance the tie with the last carer is kept after a move.
    sourced former_carer_kept{0.2, provenance::assumption, "",
                              "tie with the last carer kept after a move"};
    // School changes on a move (school.hpp). A placement is within 20 miles of the child's home
    // or further; the school a child has on entering care is taken to be near home.
    /// Percent of the stock placed within 20 miles of home; the rest is further away or has no
    /// distance recorded.
    sourced placed_within_20_miles{73, provenance::published, "placed_within_20_miles_share_2020",
                                   "distance from the home address; with out_of_area_share_2020 "
                                   "it sets how many placements over the boundary are near"};
    /// Share of the stock with no placement distance recorded: left out of the 20-mile split.
    sourced distance_not_known{0.051, provenance::derived,
                               "cla_distance_not_known_count_2015,cla_distance_total_2015",
                               "3,550 / 69,460 in 2015 (the 2020 count is not in the data); "
                               "mostly unaccompanied children, who have no home address"};
    /// Share of placements inside the home authority that are over 20 miles from home.
    sourced inside_over_20_miles{
        0.072, provenance::derived,
        "cla_inside_over_20_miles_count_2015,cla_inside_within_20_miles_count_2015",
        "2,860 / (2,860 + 37,080) in 2015, distance known (the 2020 split is not in the data): "
        "large county authorities"};
    /// Chance a move to a home over 20 miles from the child's school keeps the school.
    sourced school_kept_far{0.05, provenance::assumption, "",
                            "a move over 20 miles keeps the school (transport arranged, as in "
                            "an exam year): not published; most such moves change school"};
    /// Chance a move to a home within 20 miles of the child's school changes it.
    sourced school_change_near{
        0.25, provenance::assumption, "",
        "not published: statutory guidance (DfE, Promoting the education of looked-after "
        "children, 2018) asks that a placement change not disrupt education and that a child "
        "keep their school where possible, with transport if needed; a virtual school head "
        "advises on any change. Not set from the school-move validation rows"};
    /// Chance a planned move within 20 miles that would change school instead keeps the old
    /// school until the next school year starts.
    sourced school_change_deferred{
        0.5, provenance::assumption, "",
        "not published: a planned move can keep the school to the end of the school year when "
        "the new home is near enough; emergencies and breakdowns change at once"};
    /// Days a placement is held open under `keep_last_placement_open`.
    sourced held_open_days{42, provenance::assumption, "", "days a placement is held open"};
    /// Factor on kinship breakdowns (moves) under `kinship_support`.
    sourced kinship_support_factor{0.7, provenance::assumption, "",
                                   "kinship breakdowns under kinship_support"};
    /// Factor on breakdowns after a special guardianship or adoption order under
    /// `post_order_support`.
    sourced post_order_support_factor{
        0.75, provenance::assumption, "",
        "SGO and adoption breakdowns under post_order_support: no published effect of support "
        "on breakdowns was found (the Adoption Support Fund evaluations measured wellbeing, "
        "not breakdowns)"};

    // --- the model's own choices: not in any published table ------------------------------
    // The starting stock. The data has the stock's margins, not its joint pattern or history.
    /// Weights for placed for adoption among under-1s, 1-4s and 5-9s in the starting stock.
    sourced_table<3> stock_adoption_seed{
        {20, 20, 2},
        provenance::assumption,
        "",
        "weights for placed for adoption among under-1s, 1-4s and 5-9s in the stock's age x "
        "home table before fitting (the pattern of entries and moves has none)"};
    // clang-format off
    /// Starting pattern of legal group by kind of home.
    sourced_grid<home_count, legal_count> stock_legal_by_home{{{
        {15, 10, 65, 10},  // foster                (s20, interim, care order, placement order)
        {10, 15, 70, 5},   // kinship foster
        {25, 5, 70, 0},    // children's home
        {55, 0, 45, 0},    // semi-independent
        {50, 0, 50, 0},    // independent
        {2, 15, 83, 0},    // with parents
        {0, 0, 0, 100},    // placed for adoption
        {30, 5, 65, 0},    // other residential
    }}, provenance::assumption, "",
        "starting pattern of legal group by home, scaled to the published legal margins"};
    // clang-format on
    /// Chance a stock child who could be (fostered, care order, 4+) is in a long-term foster home.
    sourced stock_long_term_share{0.62, provenance::assumption, "",
                                  "chance a child in the stock who could be (fostered, on a care "
                                  "order, 4 or older) is in a long-term foster home"};
    /// Most years in care a child in the stock can have had before the stock date.
    sourced stock_care_years_max{6, provenance::assumption, "",
                                 "years in care before the stock date are uniform over the "
                                 "child's life, up to this many"};
    /// Share of time in care spent in the current placement: first + second x uniform draw.
    sourced_table<2> stock_placement_share{
        {0.2, 0.8},
        provenance::assumption,
        "",
        "share of the time in care spent in the current placement: the first plus the second "
        "times a uniform draw"};
    // Families.
    /// Chance a family's father is recorded.
    sourced father_recorded{0.7, provenance::assumption, "",
                            "chance a family's father is recorded (fathers often are not)"};
    /// Most grandparents recorded per family.
    sourced grandparents_max{2, provenance::assumption, "",
                             "grandparents recorded per family: 0 to this many, equally likely"};
    /// Years between a child and each next sibling: first + second x uniform draw.
    sourced_table<2> sibling_age_gap_years{
        {1, 2},
        provenance::assumption,
        "",
        "years between a child and each next sibling: the first plus the second times a uniform "
        "draw, older or younger by a fair coin"};
    /// Age of an unaccompanied child at entry: first + second x uniform draw.
    sourced_table<2> uasc_entry_age{
        {14, 3.9},
        provenance::assumption,
        "",
        "age of an unaccompanied child at entry: the first plus the second times a uniform draw"};
    /// Oldest age at entry drawn for a sibling.
    sourced sibling_entry_age_max{17.5, provenance::assumption, "",
                                  "oldest age at entry drawn for a sibling"};
    // Practice.
    /// A social worker is hired when the lighter of two caseloads is this many times the mean.
    sourced caseload_hire_factor{1.25, provenance::assumption, "",
                                 "a social worker is hired when the lighter of two caseloads "
                                 "drawn is this many times the mean caseload"};
    /// Under `kinship_support`, factor on kinship foster care's weight when a home is chosen.
    sourced kinship_placement_factor{1.25, provenance::assumption, "",
                                     "kinship_support: weight on kinship foster care when a "
                                     "home is chosen, as a multiple of the calibrated weight"};
    /// Share of unplanned moves asked for by the carer (behaviour).
    sourced unplanned_carer_request_share{0.5, provenance::assumption, "",
                                          "share of unplanned moves asked for by the carer "
                                          "(behaviour); the rest are for the standard of care"};
    /// Years a child who went home is followed for a return to care.
    sourced reentry_follow_years{5, provenance::assumption, "",
                                 "years a child who went home is followed for a return to care "
                                 "(other routes: until 18)"};
    /// Under `staying_close_to_25`, factor on the personal adviser's chance to be there at 25.
    sourced adviser_to_25_factor{2, provenance::assumption, "",
                                 "staying_close_to_25: the chance the personal adviser is still "
                                 "there at 25, as a multiple of a professional's (tie_kept_to_25)"};

    // --- who will be there at 25 --------------------------------------------------------------
    /// Chance a tie held at 18 lasts to 25, by kind of tie.
    sourced_table<5> tie_kept_to_25{{0.6, 0.8, 0.9, 0.4, 0.3},
                                    provenance::assumption,
                                    "",
                                    "chance a tie held at 18 lasts to 25: birth family, sibling, "
                                    "carer staying put or close, other carer, professional"};
};
/// @var calibration::entries_per_year
/// First entries to care a year (children not looked after before).
/// @var calibration::entry_s20
/// Share of entrants accommodated under s20.
/// @var calibration::entry_uasc
/// Share of entrants who are unaccompanied asylum-seeking children.
/// @var calibration::move_scale
/// Factor on every move rate.
/// @var calibration::placement_order_at_final_under5
/// Share of under-5s given a placement order at the final hearing.
/// @var calibration::care_to_placement_order_rate
/// Rate per year at which an under-5 on a care order is given a placement order later.
/// @var calibration::long_term_rate
/// Rate per year at which a foster placement is agreed as the child's long-term home.
/// @var calibration::return_home_scale
/// Factor on every return-home rate.
/// @var calibration::sgo_kinship_rate
/// Rate per year of leaving on a special guardianship order from kinship foster care.
/// @var calibration::other_exit_rate
/// Rate per year of exits other than home, orders, adoption, independence at 16+ and 18.
/// @var calibration::sw_agency_share
/// Share of social workers who are agency workers.
/// @var calibration::sw_agency_turnover_factor
/// How many times as fast an agency social worker leaves as a permanent one.
/// @var calibration::sw_transfer_rate
/// Reallocations a year of a child's case to another worker, apart from turnover.
/// @var calibration::foster_carers
/// Approved foster carers.
/// @var calibration::inside_share
/// Chance a new placement is sought inside the home authority, by kind of home.

/// The built-in calibration for England.
[[nodiscard]] inline calibration default_england() {
    return calibration{};
}

/// A published figure a run can be judged against.
struct target {
    std::string_view id;             ///< calibration.csv id
    figure_key figure;               ///< the simulated figure it is compared with
    int year;                        ///< year ending 31 March
    double value;                    ///< as published (percent 0-100, or a count)
    /// Lower end of the published bracket, or the bound "at least".
    std::optional<double> low, high; ///< when the figure is a bound or bracket
    bool input = false; ///< used as an input or fitted: not evidence the model is right
    /// How the figure was read, or why it is an input.
    std::string_view note;
    /// The figure's definition conflicts with other rows the model is built from, so the
    /// model cannot match both; reported, not scored.
    bool conflicting = false;
};

/// The published figures the model measures, each at its own year.
[[nodiscard]] inline std::vector<target> england_targets() {
    using f = figure_key;
    return {
        {"cla_count_2020", f::cla_count, 2020, 80080, {}, {}, false, "first published"},
        {"cla_starts_2020", f::entries, 2020, 30970, {}, {}, true,
         "fitted: first entries plus simulated re-entries"},
        {"cla_ceased_2020", f::exits, 2020, 29590, {}, {}, true, "fitted"},
        {"adoptions_2020", f::adoptions, 2020, 3440, {}, {}, false, ""},
        {"exit_adopted_share_2020", f::exit_adoption_share, 2020, 12, {}, {}, false, ""},
        {"return_home_share_2019_20",
         f::exit_return_home_share,
         2020,
         29,
         {},
         {},
         true,
         "denominator unclear; read as a share of leavers; other exits fitted to it"},
        {"foster_share_2020", f::foster_share, 2020, 72, {}, {}, false, ""},
        {"kinship_foster_share_cla_2021", f::kinship_foster_share, 2020, 14, 13.0, 15.0, false,
         "2020 only as the 13-15 bracket of the 2018 and 2021 rows"},
        {"placement_residential_semi_share_2020",
         f::residential_and_semi_share,
         2020,
         13,
         {},
         {},
         false,
         ""},
        {"childrens_homes_count_2020", f::childrens_home_count, 2020, 6780, {}, {}, false, ""},
        {"placement_with_parents_share_2020",
         f::placed_with_parents_share,
         2020,
         7,
         {},
         {},
         false,
         ""},
        {"placement_for_adoption_share_2020",
         f::placed_for_adoption_share,
         2020,
         3,
         {},
         {},
         false,
         ""},
        {"placement_independent_community_share_2020",
         f::independent_share,
         2020,
         3,
         {},
         {},
         false,
         ""},
        {"placement_other_residential_share_2020",
         f::other_residential_share,
         2020,
         2,
         {},
         {},
         false,
         ""},
        {"semi_independent_16_17_share",
         f::semi_independent_16_17_share,
         2020,
         12.5,
         {},
         {},
         false,
         "'1 in 8'; the DfE placement rows the stock is built from give about a third "
         "of 16-17s in independent or semi-independent living (README trap 6)",
         true},
        {"legal_care_order_share_2020",
         f::care_order_share,
         2020,
         77,
         {},
         {},
         false,
         "interim orders included"},
        {"legal_s20_share_2020", f::s20_share, 2020, 17, {}, {}, false, ""},
        {"legal_placement_order_share_2020", f::placement_order_share, 2020, 6, {}, {}, false, ""},
        {"uasc_share_2020", f::uasc_share, 2020, 6, {}, {}, false, ""},
        {"uasc_count_2020",
         f::uasc_count,
         2020,
         5080,
         {},
         {},
         true,
         "entrants' UASC share fitted to it"},
        {"out_of_area_share_2020",
         f::out_of_area_share,
         2020,
         41,
         {},
         {},
         true,
         "inside shares fitted to it"},
        {"placements_3plus_share_2020",
         f::three_plus_placements_share,
         2020,
         11,
         {},
         {},
         true,
         "move rates fitted to it, with a placement counted at each change of carer only; "
         "carepath's SSDA903 indicators also count a change of placement type with the same "
         "carer (RNE T, U), which gives more (docs/validation.md, \"Placements counted two "
         "ways\")"},
        {"placements_one_share_2020",
         f::one_placement_share,
         2020,
         68,
         {},
         {},
         false,
         "the model counts a placement at each change of carer; carepath's SSDA903 indicators, "
         "reading the DfE's RNE codes, also start one at a change of placement type with the "
         "same carer (T, U), and the share with one placement is then about 8 points lower on "
         "the same children, near the tolerance's edge (docs/validation.md, \"Placements "
         "counted two ways\")"},
        {"cla_male_share_2020", f::male_share, 2020, 56, {}, {}, true, "an input"},
        {"cla_age10_15_share_2020", f::age_10_15_share, 2020, 39, {}, {}, false, ""},
        {"siblings_apart_count",
         f::siblings_apart_count,
         2020,
         12000,
         12000.0,
         {},
         false,
         "'more than 12,000': a lower bound"},
    };
}

/// How far a simulated figure may sit from a published one: 2 percentage points for shares,
/// 5% for counts (the test), outside any published bracket.
[[nodiscard]] inline bool within_tolerance(const target& t, double simulated) noexcept {
    const double tol = is_share(t.figure) ? 2.0 : 0.05 * t.value;
    const double lo = t.low ? *t.low : t.value;
    const double hi = t.high ? *t.high : (t.low ? HUGE_VAL : t.value);
    return simulated >= lo - tol && simulated <= hi + tol;
}

} // namespace carepath::sim
