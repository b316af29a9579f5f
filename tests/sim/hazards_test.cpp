#include "carepath/sim/detail/hazards.hpp"

#include <catch2/catch.hpp>

#include <array>

using namespace carepath;
using namespace carepath::sim;
using namespace carepath::sim::detail;

namespace {
// A child born on day 0 who started the current placement on `placed`.
child_rec child_at(std::int32_t placed, home_kind h, legal_group l) {
    child_rec c;
    c.birth = 0;
    for (std::size_t i = 0; i < age_edges.size(); ++i)
        c.edge_days[i] = static_cast<std::int32_t>(age_edges[i] * 365.25);
    c.placement_start = placed;
    c.period_start = placed;
    c.home = h;
    c.legal = l;
    c.in_care = true;
    return c;
}
constexpr std::int32_t age_days(double years) {
    return static_cast<std::int32_t>(years * 365.25) + 1;
}
} // namespace

TEST_CASE("hazards: a simulated home maps to its SSDA903 placement type", "[sim][hazards]") {
    using p = placement_type;
    CHECK(placement_type_of(home_kind::foster, true, false, 2020) == p::U4);
    CHECK(placement_type_of(home_kind::foster, false, false, 2020) == p::U6);
    CHECK(placement_type_of(home_kind::kinship_foster, true, false, 2020) == p::U1);
    CHECK(placement_type_of(home_kind::kinship_foster, false, false, 2020) == p::U3);
    CHECK(placement_type_of(home_kind::placed_for_adoption, false, true, 2020) == p::A5);
    CHECK(placement_type_of(home_kind::placed_for_adoption, false, false, 2020) == p::A6);
    CHECK(placement_type_of(home_kind::with_parents, false, false, 2020) == p::P1);
    for (int year : {2015, 2020, 2025, 2030}) {
        const auto semi = placement_type_of(home_kind::semi_independent, false, false, year);
        CHECK(semi == (valid_in_year(p::H5, year) ? p::H5 : p::K3));
        CHECK(valid_in_year(semi, year));
        CHECK(valid_in_year(placement_type_of(home_kind::independent, false, false, year), year));
    }
}

TEST_CASE("hazards: legal groups map to legal statuses", "[sim][hazards]") {
    CHECK(legal_status_of(legal_group::accommodated_s20) == legal_status::accommodated_s20);
    CHECK(legal_status_of(legal_group::interim_care_order) == legal_status::interim_care_order);
    CHECK(legal_status_of(legal_group::care_order) == legal_status::care_order);
    CHECK(legal_status_of(legal_group::placement_order) == legal_status::placement_order);
}

TEST_CASE("hazards: the move factor steps down with time in placement", "[sim][hazards]") {
    const calibration cal = default_england();
    const auto& f = cal.move_duration.values;
    const auto c = child_at(1000, home_kind::foster, legal_group::care_order);
    CHECK(duration_factor(cal, c, 1000) == f[0]);
    CHECK(duration_factor(cal, c, 1000 + quarter_year_days - 1) == f[0]);
    CHECK(duration_factor(cal, c, 1000 + quarter_year_days) == f[1]);
    CHECK(duration_factor(cal, c, 1000 + year_days) == f[2]);
    CHECK(duration_factor(cal, c, 1000 + two_years_days - 1) == f[2]);
    CHECK(duration_factor(cal, c, 1000 + two_years_days) == f[3]);
}

TEST_CASE("hazards: the next rate change is the nearer of a placement edge and a birthday",
          "[sim][hazards]") {
    auto c = child_at(age_days(3), home_kind::foster, legal_group::care_order);
    // in placement 0 days at 3: the 91-day edge comes before the 4th birthday
    CHECK(next_rate_change(c, c.placement_start, 1'000'000) == c.placement_start + 91);
    CHECK(next_rate_change(c, c.placement_start + 91, 1'000'000) == c.placement_start + 182);
    CHECK(next_rate_change(c, c.placement_start, c.placement_start + 10) == c.placement_start + 10);
    // over two years in placement, past 5: only birthdays are left, the next the 10th
    const std::int32_t later = c.placement_start + 800;
    CHECK(next_rate_change(c, later, 1'000'000) == c.edge_days[3]);
    c.placement_start = c.edge_days[1] - 1000; // placed long before 4
    CHECK(next_rate_change(c, c.edge_days[1] - 1, 1'000'000) == c.edge_days[1]);
    // the 18th birthday is not a rate change: it is a deterministic event
    CHECK(next_rate_change(c, c.edge_days[5], 1'000'000) == 1'000'000);
}

TEST_CASE("hazards: the competing rates follow the child's state", "[sim][hazards]") {
    const calibration cal = default_england();
    const scenario base;
    rate_table r;
    using o = outcome;

    SECTION("placed for adoption: no return home; adoption at the calibrated pace") {
        const auto c =
            child_at(age_days(2), home_kind::placed_for_adoption, legal_group::placement_order);
        rates(cal, base, c, c.placement_start + 10, r);
        CHECK(r[o::return_home] == 0);
        CHECK(r[o::adopted] == Approx(12 / cal.placed_to_order_months.value));
        CHECK(r[o::matched] == 0); // already placed
        CHECK(r[o::move] > 0);
    }
    SECTION("a placement order before placement: matching and revocation") {
        const auto c = child_at(age_days(2), home_kind::foster, legal_group::placement_order);
        rates(cal, base, c, c.placement_start + 10, r);
        CHECK(r[o::matched] == Approx(12 / cal.match_months.value));
        CHECK(r[o::placement_order_revoked] == cal.placement_order_revoked_rate.value);
    }
    SECTION("an unaccompanied child does not return home") {
        auto c = child_at(age_days(15), home_kind::foster, legal_group::accommodated_s20);
        c.uasc = true;
        rates(cal, base, c, c.placement_start + 10, r);
        CHECK(r[o::return_home] == 0);
        CHECK(r[o::s20_to_interim_order] == 0);
        c.uasc = false;
        rates(cal, base, c, c.placement_start + 10, r);
        CHECK(r[o::return_home] > 0);
        CHECK(r[o::s20_to_interim_order] == cal.s20_to_proceedings_rate.value);
    }
    SECTION("special guardianship from unrelated foster care only after a year") {
        const auto c = child_at(age_days(8), home_kind::foster, legal_group::care_order);
        rates(cal, base, c, c.placement_start + year_days - 1, r);
        CHECK(r[o::special_guardianship] == 0);
        rates(cal, base, c, c.placement_start + year_days, r);
        CHECK(r[o::special_guardianship] == cal.sgo_foster_rate.value);
    }
    SECTION("long-term fostering: from 4, on a care order, after half a year") {
        const auto c = child_at(age_days(8), home_kind::foster, legal_group::care_order);
        rates(cal, base, c, c.placement_start + half_year_days - 1, r);
        CHECK(r[o::long_term] == 0);
        rates(cal, base, c, c.placement_start + half_year_days, r);
        CHECK(r[o::long_term] == cal.long_term_rate.value);
        auto lt = c;
        lt.long_term = true;
        rates(cal, base, lt, c.placement_start + 10, r);
        CHECK(r[o::long_term] == 0);
        rate_table plain;
        rates(cal, base, c, c.placement_start + 10, plain);
        CHECK(r[o::move] == Approx(plain[o::move] * cal.long_term_move_factor.value));
    }
    SECTION("kinship support slows moves and special guardianship by the same factor") {
        const auto c = child_at(age_days(8), home_kind::kinship_foster, legal_group::care_order);
        scenario support;
        support.kinship_support = true;
        rate_table plain;
        rates(cal, base, c, c.placement_start + 10, plain);
        rates(cal, support, c, c.placement_start + 10, r);
        CHECK(r[o::move] == Approx(plain[o::move] * cal.kinship_support_factor.value));
        CHECK(r[o::special_guardianship]
              == Approx(plain[o::special_guardianship] / cal.kinship_support_factor.value));
    }
    SECTION("independent living from 16") {
        const auto c =
            child_at(age_days(15.9), home_kind::semi_independent, legal_group::accommodated_s20);
        rates(cal, base, c, c.placement_start, r);
        CHECK(r[o::independent_living] == 0);
        rates(cal, base, c, c.edge_days[5], r);
        CHECK(r[o::independent_living] == cal.independent_living_rate.value);
    }
}

TEST_CASE("hazards: the kept rates of a class are the rates worked out again, bit for bit, "
          "until the next rate change",
          "[sim][hazards]") {
    // Children of every home, legal group, flag, age and time in placement, drawn in random
    // order so that each class's table is first filled by one child and then read for others.
    const calibration cal = default_england();
    for (const bool kinship_support : {false, true}) {
        scenario s;
        s.kinship_support = kinship_support;
        rate_cache cache;
        stream rng{rng_key{7, 0, 1, purpose::child_events}};
        for (int i = 0; i < 200000; ++i) {
            auto c = child_at(static_cast<std::int32_t>(rng.below(19 * 365)),
                              static_cast<home_kind>(rng.below(8)),
                              static_cast<legal_group>(rng.below(4)));
            c.long_term = rng.bernoulli(0.5);
            c.uasc = rng.bernoulli(0.5);
            // days near the edges as often as days between them
            std::array<std::int32_t, 5 + 6> edges{0, quarter_year_days, half_year_days, year_days,
                                                  two_years_days};
            for (std::size_t e = 0; e < 6; ++e) // the birthdays at which some rate may change
                edges[5 + e] = c.edge_days[e] - c.placement_start;
            const auto base = edges[rng.below(edges.size())];
            const auto day = std::max(c.placement_start,
                                      c.placement_start + base + static_cast<std::int32_t>(
                                                                     rng.below(5)) - 2);
            const auto limit = day + 1 + static_cast<std::int32_t>(rng.below(3000));
            const auto segment = cache.from(cal, s, c, day, limit);
            rate_table fresh;
            rates(cal, s, c, day, fresh);
            double total = 0;
            for (double v : fresh.values)
                total += v;
            REQUIRE(segment.rates->rates.values == fresh.values);
            REQUIRE(segment.rates->total == total);
            REQUIRE(segment.end == next_rate_change(c, day, limit));
        }
        // every class met: 8 homes x 4 legal groups x 2 x 2 flags x 4 ages x 5 durations
        CHECK(cache.size() == 2560);
    }
}

TEST_CASE("hazards: the inside share moves with the scenario's foster share", "[sim][hazards]") {
    const calibration cal = default_england();
    scenario s;
    CHECK(inside_share(cal, s, home_kind::childrens_home)
          == cal.inside_share.values[static_cast<std::size_t>(home_kind::childrens_home)]);
    s.share_inside_home_authority = cal.inside_share.values[0] / 2;
    CHECK(inside_share(cal, s, home_kind::childrens_home)
          == Approx(cal.inside_share.values[static_cast<std::size_t>(home_kind::childrens_home)]
                    / 2));
    s.share_inside_home_authority = 1.0;
    CHECK(inside_share(cal, s, home_kind::with_parents) == 1.0); // clamped
}

TEST_CASE("hazards: first contact days and carer ties", "[sim][hazards]") {
    CHECK(days_to_first_contact(contact_frequency::daily) == 0);
    CHECK(days_to_first_contact(contact_frequency::weekly) == 7);
    CHECK(days_to_first_contact(contact_frequency::fortnightly) == 14);
    CHECK(days_to_first_contact(contact_frequency::monthly) == 30);
    CHECK(days_to_first_contact(contact_frequency::yearly) == 365);
    CHECK(carer_kind(home_kind::foster) == kinds::foster_carer.code());
    CHECK(carer_kind(home_kind::kinship_foster) == kinds::kinship_carer.code());
    CHECK(carer_kind(home_kind::placed_for_adoption) == kinds::adopter.code());
    CHECK(carer_kind(home_kind::with_parents) == 0);
    CHECK(carer_kind(home_kind::childrens_home) == kinds::residential_key_worker.code());
    for (const auto& k : kinds::builtin) {
        CHECK(kind_of(k.code()) == k);
        CHECK(family_of_kind(k.code()) == k.family());
    }
}

TEST_CASE("hazards: a vacancy's mean length follows from the vacancy rate and turnover",
          "[sim][hazards]") {
    // 20% of posts vacant: 0.25 vacant posts per worker in post; a quarter of workers leave a
    // year, so 0.25 posts fall vacant a year per worker and each stays vacant a year
    CHECK(mean_vacancy_years(0.2, 0.25) == Approx(1.0));
    CHECK(mean_vacancy_years(0.5, 0.5) == Approx(2.0));
    // the published figures: 16.1% vacant, 13.5% turnover
    CHECK(mean_vacancy_years(0.161, 0.135) == Approx(0.161 / 0.839 / 0.135));
    CHECK(mean_vacancy_years(0.161, 0.135) == Approx(1.4215).epsilon(0.001));
    // more turnover fills the same vacancy rate with shorter vacancies
    CHECK(mean_vacancy_years(0.2, 0.5) < mean_vacancy_years(0.2, 0.25));
    // nothing to draw: no vacancies, no leavers, or every post vacant
    CHECK(mean_vacancy_years(0, 0.135) == 0);
    CHECK(mean_vacancy_years(0.161, 0) == 0);
    CHECK(mean_vacancy_years(1, 0.135) == 0);
}

TEST_CASE("hazards: agency cover holds the covered share of posts and leaves when the post is "
          "filled",
          "[sim][hazards]") {
    CHECK(covered_vacancy_share(0.2, 0.5) == Approx(0.1));
    CHECK(covered_vacancy_share(0.161, 0.699) == Approx(0.1125).epsilon(0.001));
    CHECK(covered_vacancy_share(0.2, 1.5) == Approx(0.2)); // a share above 1 is 1
    CHECK(covered_vacancy_share(-0.1, 0.5) == 0);
    CHECK(agency_leaving_day(300, 120) == 120); // the post is filled first
    CHECK(agency_leaving_day(100, 120) == 100); // the agency worker leaves first
    CHECK(agency_leaving_day(100, never) == 100); // a permanent worker: no cover end
}

TEST_CASE("hazards: a case moves to the children-in-care team at the s20 review and to the 16+ "
          "team at 16, once a period of care",
          "[sim][hazards]") {
    auto cal = default_england();
    cal.sw_care_team_days.value = 119;
    const std::int32_t sixteen = static_cast<std::int32_t>(16 * 365.25);
    // an s20 child of 10 who entered care on day 4000, run started on day 3900
    auto c = child_at(4000, home_kind::foster, legal_group::accommodated_s20);
    auto m = next_team_move(cal, c, 3900);
    CHECK(m.first == team_move::to_care_team);
    CHECK(m.second == 4119);
    // the review fell before the run began: the case moved before the stock date
    CHECK(next_team_move(cal, c, 4200).first == team_move::to_sixteen_team);
    // moved already in this period: the next is the 16th birthday
    c.care_team_day = 4119;
    m = next_team_move(cal, c, 3900);
    CHECK(m.first == team_move::to_sixteen_team);
    CHECK(m.second == sixteen);
    // a new period of care (a re-entry) on day 5000: the care-team move is due again
    c.period_start = 5000;
    m = next_team_move(cal, c, 3900);
    CHECK(m.first == team_move::to_care_team);
    CHECK(m.second == 5119);
    // after the 16+ move nothing is due
    c.care_team_day = 5119;
    c.sixteen_team_day = sixteen;
    CHECK(next_team_move(cal, c, 3900).first == team_move::no_move);
    CHECK(next_team_move(cal, c, 3900).second == never);
    // in care proceedings: no move on a fixed day; the final order moves the case
    auto ico = child_at(4000, home_kind::foster, legal_group::interim_care_order);
    m = next_team_move(cal, ico, 3900);
    CHECK(m.first == team_move::to_sixteen_team);
    CHECK(moves_at_final_order(ico));
    ico.care_team_day = 4119; // an s20 case that moved, then went to court
    CHECK_FALSE(moves_at_final_order(ico));
    // a young person who came into care after 16 joins the 16+ team at entry: no move
    auto older = child_at(sixteen + 30, home_kind::foster, legal_group::care_order);
    CHECK(next_team_move(cal, older, 3900).first == team_move::no_move);
    // turned 16 before the run began
    auto before = child_at(4000, home_kind::foster, legal_group::care_order);
    CHECK(next_team_move(cal, before, sixteen + 1).first == team_move::no_move);
    // the chance each move brings a new worker
    cal.sw_care_team_share.value = 0.8;
    cal.sw_sixteen_team_share.value = 0.3;
    CHECK(team_move_share(cal, team_move::to_care_team) == 0.8);
    CHECK(team_move_share(cal, team_move::to_sixteen_team) == 0.3);
    CHECK(team_move_share(cal, team_move::no_move) == 0);
}
