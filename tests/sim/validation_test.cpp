#include "carepath/sim/validation.hpp"

#include "support/hand_histories.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <limits>
#include <set>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::sim;
using namespace carepath::testing;
using t = placement_type;
using ls = legal_status;

// Expected values are worked by hand from the inputs built in each test.
namespace {
care_history in_care(unsigned id, date entered, unsigned carer) {
    child c;
    c.id = child_id{id};
    c.as_person = person_id{id};
    c.birth_date = ymd(2012, 1, 1);
    care_history h{c};
    const auto r =
        h.add(entered_care{entered, ls::care_order, placement::with_carer(t::U6, carer_id{carer})});
    REQUIRE(r.ok());
    return h;
}
void siblings(care_history& h, unsigned other) {
    const auto r = h.add(relationship_begun{relationship{h.subject().as_person, person_id{other},
                                                         kinds::full_sibling, ymd(2012, 1, 1)}});
    REQUIRE(r.ok());
}
// Two siblings in care on 31 March 2022, with carers `a` and `b`.
void pair_of_siblings(std::vector<care_history>& hs, unsigned first, unsigned a, unsigned b) {
    hs.push_back(in_care(first, ymd(2021, 5, 1), a));
    siblings(hs.back(), first + 1);
    hs.push_back(in_care(first + 1, ymd(2021, 5, 1), b));
}
published_figure row(std::string id, double value, std::string unit, figure_role role) {
    published_figure p;
    p.id = std::move(id);
    p.quantity = "as published";
    p.value = value;
    p.unit = std::move(unit);
    p.source = "a source";
    p.role = role;
    return p;
}
const validation_row* find_row(const std::vector<validation_row>& rows, std::string_view id) {
    for (const auto& r : rows)
        if (r.id == id)
            return &r;
    return nullptr;
}
summary years_with(int year, figure_key k, double v) {
    summary s;
    year_summary y;
    y.year = year;
    y.figs.at(k) = v;
    s.years.push_back(y);
    return s;
}
published_figures the_file() {
    const std::string path = std::string{CAREPATH_TEST_DATA} + "/sim/calibration.csv";
    std::ifstream in{path};
    auto r = published_figures::read(in, path);
    REQUIRE(r);
    return std::move(r).value();
}
} // namespace

TEST_CASE("validation: tolerance bands follow docs/validation.md", "[sim][validation]") {
    SECTION("a share of 37%: 10% of the figure (3.7 points)") {
        const auto b = band_of(tolerance_rule::share, 37);
        CHECK(b.low == Approx(33.3));
        CHECK(b.high == Approx(40.7));
        CHECK(b.contains(40.6));
        CHECK_FALSE(b.contains(40.8));
    }
    SECTION("a share of 11%: at least 2 points") {
        const auto b = band_of(tolerance_rule::share, 11);
        CHECK(b.low == Approx(9));
        CHECK(b.high == Approx(13));
    }
    SECTION("a rare share (5.7%): 25% of the figure") {
        const auto b = band_of(tolerance_rule::share, 5.7);
        CHECK(b.low == Approx(4.275));
        CHECK(b.high == Approx(7.125));
    }
    SECTION("a worded ratio: 5 points") {
        const auto b = band_of(tolerance_rule::worded_ratio, 10);
        CHECK(b.contains(15));
        CHECK_FALSE(b.contains(15.1));
    }
    SECTION("a lower bound and a direction") {
        CHECK(band_of(tolerance_rule::at_least, 12000).contains(1e9));
        CHECK_FALSE(band_of(tolerance_rule::at_least, 12000).contains(11399));
        CHECK_FALSE(band_of(tolerance_rule::above, 1).contains(1.0));
        CHECK(band_of(tolerance_rule::above, 1).contains(1.01));
    }
    SECTION("a fitted share with a bracket: 2 points outside it") {
        const target k{"k", figure_key::kinship_foster_share, 2020, 14, 13.0, 15.0, false, ""};
        const auto b = band_of(k);
        CHECK(b.low == Approx(11));
        CHECK(b.high == Approx(17));
        CHECK(b.words.find("13 to 15") != std::string::npos);
    }
}

TEST_CASE("validation: a history figure is the mean over replicates that kept every child",
          "[sim][validation]") {
    const published_figures pub{
        {row("sib_children_with_none_frg_2014", 37, "percent", figure_role::validation),
         row("foster_carers_approved_2020", 71150, "carers", figure_role::target)}};
    // replicate 1: two siblings apart, both with none of the other (100%)
    std::vector<care_history> a;
    pair_of_siblings(a, 1, 10, 11);
    // replicate 2: one pair together, one apart (2 of 4 with none: 50%)
    std::vector<care_history> b;
    pair_of_siblings(b, 1, 10, 10);
    pair_of_siblings(b, 3, 12, 13);
    // replicate 3 kept 2 of its 5 children: left out (it would give 0%)
    std::vector<care_history> c;
    pair_of_siblings(c, 1, 20, 20);
    const std::vector<replicate_view> reps{
        {nullptr, a, a.size()}, {nullptr, b, b.size()}, {nullptr, c, 5}};
    const auto rows = validation_rows(pub, reps, run_years{2019, 2029});

    REQUIRE(rows.size() == 1); // the model does not measure approved carers: no row
    const auto& r = rows.front();
    CHECK(r.role == figure_role::validation);
    CHECK(r.not_computed.empty());
    CHECK(r.model.count == 2);
    CHECK(r.model.mean.value() == Approx(75));
    REQUIRE(r.model.interval);
    CHECK(r.model.interval->low < 75);
    CHECK(r.model.interval->high > 75);
    CHECK(r.gap.value() == Approx(38));
    CHECK(r.within == false);
    CHECK(r.definition.find("31 March 2022") != std::string::npos); // 3 years after 2019
    CHECK(r.source == "a source");
}

TEST_CASE("validation: a figure the run cannot compute says why instead of a number",
          "[sim][validation]") {
    const published_figures pub{
        {row("sib_children_with_none_frg_2014", 37, "percent", figure_role::validation),
         row("adoption_disruption_12yr_2014", 3.2, "percent", figure_role::validation),
         row("cla_count_2012", 67050, "children", figure_role::validation)}};
    std::vector<care_history> a;
    pair_of_siblings(a, 1, 10, 11);

    SECTION("histories not all kept") {
        const std::vector<replicate_view> reps{{nullptr, a, 40}};
        const auto rows = validation_rows(pub, reps, run_years{2019, 2031});
        const auto* r = find_row(rows, "sib_children_with_none_frg_2014");
        REQUIRE(r);
        CHECK_FALSE(r->model.mean);
        CHECK_FALSE(r->within);
        CHECK(r->not_computed.find("kept 2 of 40") != std::string::npos);
    }
    SECTION("no histories at all") {
        const std::vector<replicate_view> reps{{nullptr, {}, 40}};
        const auto rows = validation_rows(pub, reps, run_years{2019, 2031});
        CHECK(find_row(rows, "sib_children_with_none_frg_2014")->not_computed.find("no children")
              != std::string::npos);
    }
    SECTION("a run too short for the measure year or the follow-up") {
        const std::vector<replicate_view> reps{{nullptr, a, a.size()}};
        const auto rows = validation_rows(pub, reps, run_years{2019, 2021});
        CHECK(find_row(rows, "sib_children_with_none_frg_2014")->not_computed.find("too short")
              != std::string::npos);
        const auto* km = find_row(rows, "adoption_disruption_12yr_2014");
        CHECK(km->not_computed.find("12 years of follow-up") != std::string::npos);
        CHECK_FALSE(km->model.mean);
    }
    SECTION("a year outside the run") {
        const auto rows = validation_rows(pub, {}, run_years{2019, 2029});
        const auto* r = find_row(rows, "cla_count_2012");
        REQUIRE(r);
        CHECK(r->not_computed.find("2020 to 2029") != std::string::npos);
    }
}

TEST_CASE("validation: every measured figure of a one-year run has a value or a reason",
          "[sim][validation]") {
    // one year: no history window fits, and the windows must still be valid intervals
    const summary one = years_with(2020, figure_key::cla_count, 80000);
    const std::vector<replicate_view> reps{{&one, {}, 0}};
    const auto rows = validation_rows(compared_figures(), reps, run_years{2019, 2020});
    REQUIRE_FALSE(rows.empty());
    for (const auto& r : rows) {
        CAPTURE(r.id);
        CHECK(r.model.mean.has_value() == r.not_computed.empty());
    }
    CHECK(find_row(rows, "kin_placements_last_longer_farmer_2009")->not_computed.find("too short")
          != std::string::npos);
    CHECK(find_row(rows, "cla_count_2020")->model.mean.value() == Approx(80000));
}

TEST_CASE("validation: year figures come from every replicate, and the role from the file",
          "[sim][validation]") {
    auto pub =
        published_figures{{row("placements_one_share_2020", 68, "percent", figure_role::validation),
                           row("cla_count_2020", 80080, "children", figure_role::target),
                           row("cla_count_2012", 67050, "children", figure_role::validation)}};
    summary one = years_with(2020, figure_key::one_placement_share, 70);
    summary two = years_with(2020, figure_key::one_placement_share, 66);
    one.years.front().figs.at(figure_key::cla_count) = 85000; // 6% above: outside 5%
    two.years.front().figs.at(figure_key::cla_count) = 85000;
    const std::vector<replicate_view> reps{{&one, {}, 0}, {&two, {}, 0}};

    auto rows = validation_rows(pub, reps, run_years{2019, 2020});
    const auto* share_row = find_row(rows, "placements_one_share_2020");
    REQUIRE(share_row);
    CHECK(share_row->role == figure_role::validation);
    CHECK(share_row->model.mean.value() == Approx(68));
    CHECK(share_row->model.count == 2);
    CHECK(share_row->gap.value() == Approx(0));
    CHECK(share_row->within == true);
    CHECK(share_row->tolerance.rule == tolerance_rule::share);
    const auto* count_row = find_row(rows, "cla_count_2020");
    REQUIRE(count_row);
    CHECK(count_row->role == figure_role::target);
    CHECK(count_row->tolerance.rule == tolerance_rule::target_band);
    CHECK(count_row->within == false);
    REQUIRE(count_row->model.interval); // both replicates equal: a zero-width interval
    CHECK(count_row->model.interval->low == Approx(85000));
    CHECK(count_row->model.count == 2);

    // relabelled in the file, the same figure is reported as a target
    pub.rows()[0].role = figure_role::target;
    rows = validation_rows(pub, reps, run_years{2019, 2020});
    CHECK(find_row(rows, "placements_one_share_2020")->role == figure_role::target);
    CHECK(find_row(rows, "placements_one_share_2020")->tolerance.rule
          == tolerance_rule::target_band);

    // a back-test run that reports 2012 computes the published stock of that year
    const summary back = years_with(2012, figure_key::cla_count, 66000);
    const std::vector<replicate_view> from_2010{{&back, {}, 0}};
    rows = validation_rows(pub, from_2010, run_years{2010, 2020});
    const auto* stock = find_row(rows, "cla_count_2012");
    REQUIRE(stock->not_computed.empty());
    CHECK(stock->model.mean.value() == Approx(66000));
    CHECK(stock->within == true); // 1.6% below
}

TEST_CASE("validation: the built-in rows are the file's rows", "[sim][validation]") {
    const auto file = the_file();
    const auto built_in = compared_figures();
    REQUIRE(built_in.rows().size() > 40);
    for (const auto& b : built_in.rows()) {
        CAPTURE(b.id);
        const auto* f = file.find(b.id);
        REQUIRE(f);
        CHECK(f->quantity == b.quantity);
        CHECK(f->value == b.value);
        CHECK(f->unit == b.unit);
        CHECK(f->population == b.population);
        CHECK(f->period == b.period);
        CHECK(f->source == b.source);
        CHECK(f->note == b.note);
        CHECK(f->role == b.role);
    }
    // and every row of the file the model measures is in the copy
    const auto from_file = validation_rows(file, {}, run_years{2019, 2031});
    const auto from_copy = validation_rows(built_in, {}, run_years{2019, 2031});
    std::set<std::string> a, b;
    for (const auto& r : from_file)
        a.insert(r.id);
    for (const auto& r : from_copy)
        b.insert(r.id);
    CHECK(a == b);
    // both roles are there, and every validation figure of docs/validation.md has a row
    CHECK(std::ranges::count(from_file, figure_role::target, &validation_row::role) > 10);
    CHECK(std::ranges::count(from_file, figure_role::validation, &validation_row::role) > 20);
}

TEST_CASE("validation: a run that keeps every child's history computes the history figures",
          "[sim][validation]") {
    sim_config cfg;
    cfg.scale = 0.02;
    cfg.years = 4;
    cfg.keep_histories = 1'000'000;
    const auto all = simulate(cfg);
    CHECK(all.histories.size() == all.first_replicate_children);
    const auto rows = validation_rows(compared_figures(), all);
    const auto* sib = find_row(rows, "sib_children_with_none_frg_2014");
    REQUIRE(sib);
    CHECK(sib->not_computed.empty());
    CHECK(sib->model.count == 1); // histories of one replicate: a value, no interval
    CHECK_FALSE(sib->model.interval);
    CHECK(sib->scored); // every child of the replicate: judged against the tolerance
    CHECK(sib->within.has_value());
    // a 12-year follow-up cannot come from 4 years
    CHECK_FALSE(find_row(rows, "adoption_disruption_12yr_2014")->not_computed.empty());

    // an authority has about 42 children here: 20 is not one whole authority, so each keeps
    // its first children and no figure comes from them
    cfg.keep_histories = 20;
    const auto some = simulate(cfg);
    CHECK(some.history_authorities == 0);
    const auto cut = validation_rows(compared_figures(), some);
    CHECK(find_row(cut, "sib_children_with_none_frg_2014")->not_computed.find("kept 20 of")
          != std::string::npos);
    // 500 keeps every child of the first 11 authorities, and the figures say so
    cfg.keep_histories = 500;
    const auto part = simulate(cfg);
    CHECK(part.history_authorities == 11);
    CHECK(part.histories.size() == part.history_children);
    const auto from_part = validation_rows(compared_figures(), part);
    const auto* some_sib = find_row(from_part, "sib_children_with_none_frg_2014");
    REQUIRE(some_sib);
    CHECK(some_sib->not_computed.empty());
    CHECK(some_sib->note.find("From every child of 11 authorities") != std::string::npos);
    // a sample of authorities has no estimate of its error: shown, not judged
    CHECK_FALSE(some_sib->scored);
    CHECK_FALSE(some_sib->within.has_value());
    CHECK(some_sib->note.find("Not scored") != std::string::npos);
    CHECK(some_sib->note.find("--histories " + std::to_string(part.first_replicate_children))
          != std::string::npos);
    // a year figure from the whole run is still judged
    CHECK(find_row(from_part, "cla_count_2020")->within.has_value());
    CHECK(find_row(from_part, "cla_count_2020")->note.find("From every child")
          == std::string::npos); // a year figure comes from the whole run
    // year figures do not need histories
    CHECK(find_row(cut, "cla_count_2020")->model.mean.has_value());
}

TEST_CASE("validation: replicates measured one at a time pool to the same rows",
          "[sim][validation]") {
    const published_figures pub{
        {row("sib_children_with_none_frg_2014", 37, "percent", figure_role::validation),
         row("adoption_disruption_12yr_2014", 3.2, "percent", figure_role::validation)}};
    std::vector<care_history> a, b;
    pair_of_siblings(a, 1, 10, 11);
    pair_of_siblings(b, 1, 10, 10);
    pair_of_siblings(b, 3, 12, 13);
    const std::vector<replicate_view> both{{nullptr, a, a.size()}, {nullptr, b, b.size()}};
    const run_years ys{2019, 2025};
    const auto together = validation_rows(pub, both, ys);
    const std::vector<std::vector<validation_row>> apart{
        validation_rows(pub, std::span{both}.first(1), ys),
        validation_rows(pub, std::span{both}.last(1), ys)};
    CHECK(apart[0][0].model.mean.value() == Approx(100));
    const auto pooled = pool_replicates(apart);
    REQUIRE(pooled.size() == together.size());
    for (std::size_t i = 0; i < pooled.size(); ++i) {
        CAPTURE(pooled[i].id);
        CHECK(pooled[i].model == together[i].model);
        CHECK(pooled[i].gap == together[i].gap);
        CHECK(pooled[i].within == together[i].within);
        CHECK(pooled[i].not_computed == together[i].not_computed);
    }
    CHECK(pooled[0].model.count == 2);
    CHECK_FALSE(pooled[1].not_computed.empty()); // 6 years: no 12-year follow-up

    const std::vector<std::vector<validation_row>> mismatched{
        apart[0], {apart[1].begin(), apart[1].begin() + 1}};
    CHECK_THROWS_AS(pool_replicates(mismatched), std::invalid_argument);

    // a NaN from one replicate is refused with the figure's id, not pooled into a NaN mean
    auto spoilt = apart;
    spoilt[1][0].model.mean = std::numeric_limits<double>::quiet_NaN();
    try {
        (void)pool_replicates(spoilt);
        FAIL("a NaN was pooled");
    } catch (const std::invalid_argument& e) {
        CHECK(std::string{e.what()}.starts_with("pool_replicates: "
                                                "sib_children_with_none_frg_2014: 1 of 2 values"));
    }
}
