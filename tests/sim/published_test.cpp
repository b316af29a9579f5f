#include "carepath/sim/fit.hpp"
#include "carepath/sim/published.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <string>

using namespace carepath::sim;

namespace {
published_figures data_file() {
    std::ifstream in{std::string{CAREPATH_TEST_DATA} + "/sim/calibration.csv"};
    REQUIRE(in);
    auto r = published_figures::read(in, "calibration.csv");
    if (!r)
        FAIL(carepath::to_string(r.error()));
    return *r;
}
std::string fitted_text(const calibration& c) {
    std::ostringstream os;
    write_fitted_values(os, c);
    return os.str();
}
const std::string header = "id,quantity,value,unit,population,period,kind,source,note,role\n";
} // namespace

TEST_CASE("published: calibration.csv reads, with both roles and every row sourced",
          "[sim][published]") {
    const auto t = data_file();
    REQUIRE(t.rows().size() > 150);
    std::set<std::string> ids;
    std::size_t validation = 0;
    for (const auto& r : t.rows()) {
        CHECK(ids.insert(r.id).second);
        CHECK_FALSE(r.source.empty());
        if (r.role == figure_role::validation)
            ++validation;
    }
    CHECK(validation >= 30);
    // a quoted field with commas and doubled quotes comes back whole
    const auto* r = t.find("sib_children_with_none_frg_2014");
    REQUIRE(r);
    CHECK(r->value == 37);
    CHECK(r->note.find("\"with none\"") != std::string::npos);
    CHECK(r->role == figure_role::validation);
}

TEST_CASE("published: the accessor the fit uses refuses validation rows and unknown ids",
          "[sim][published]") {
    const auto t = data_file();
    CHECK(t.target("adoptions_2020").value() == 3440);
    const auto v = t.target("reentry_5yr_after_return_home_2007");
    REQUIRE_FALSE(v);
    CHECK(v.error().value == "reentry_5yr_after_return_home_2007");
    CHECK(v.error().message.find("validation") != std::string::npos);
    CHECK_FALSE(t.target("no_such_row"));
    // find() sees every row: reports may show validation figures
    CHECK(t.find("reentry_5yr_after_return_home_2007")->value == 30);
}

TEST_CASE("published: bad rows are refused with file, line, field and value", "[sim][published]") {
    auto read = [](const std::string& text) {
        std::istringstream in{text};
        return published_figures::read(in, "cal.csv");
    };
    {
        const auto r = read(header
                            + "a,q,1,u,p,2020,stock,s,n,target\nb,q,x1,u,p,2020,stock,s,n,"
                              "target\n");
        REQUIRE_FALSE(r);
        CHECK(carepath::to_string(r.error()) == "cal.csv:3:3: value=\"x1\": not a number");
    }
    {
        const auto r = read(header + "a,q,1,u,p,2020,stock,s,n,evidence\n");
        REQUIRE_FALSE(r);
        CHECK(r.error().line == 2);
        CHECK(r.error().field == "role");
        CHECK(r.error().value == "evidence");
    }
    {
        const auto r = read("id,quantity,value,unit,population,period,kind,source,note\n");
        REQUIRE_FALSE(r);
        CHECK(r.error().field == "header");
        CHECK(r.error().column == 10);
    }
    CHECK_FALSE(read(header + "a,q,1,u,\"p,2020,stock,s,n,target\n"));
    CHECK_FALSE(
        read(header + "a,q,1,u,p,2020,stock,s,n,target\na,q,2,u,p,2020,stock,s,n,target\n"));
}

TEST_CASE("published: the built-in fit targets are target rows of calibration.csv",
          "[sim][published]") {
    const auto t = data_file();
    const auto built_in = fit_target_rows();
    for (const auto& row : built_in.rows()) {
        INFO(row.id);
        const auto v = t.target(row.id);
        REQUIRE(v);
        CHECK(*v == row.value);
    }
}

TEST_CASE("published: the fit never reads validation rows", "[sim][published][fit]") {
    fit_options opt;
    opt.rounds = 1;
    opt.scale = 0.05;
    const auto table = data_file();
    // every validation value poisoned: the fit must not notice
    auto poisoned = table;
    for (auto& r : poisoned.rows())
        if (r.role == figure_role::validation)
            r.value = std::numeric_limits<double>::quiet_NaN();
    // and with the validation rows removed altogether
    published_figures targets_only;
    for (const auto& r : table.rows())
        if (r.role == figure_role::target)
            targets_only.rows().push_back(r);
    const auto a = fit(default_england(), table, opt);
    const auto b = fit(default_england(), poisoned, opt);
    const auto c = fit(default_england(), targets_only, opt);
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK(fitted_text(*a) == fitted_text(*b));
    CHECK(fitted_text(*a) == fitted_text(*c));
    // the same as the built-in copy of the rows
    CHECK(fitted_text(*a) == fitted_text(fit(default_england(), opt)));
    // a row the fit needs, relabelled as validation, stops the fit with its id
    auto relabelled = table;
    for (auto& r : relabelled.rows())
        if (r.id == "cla_ceased_2020")
            r.role = figure_role::validation;
    const auto d = fit(default_england(), relabelled, opt);
    REQUIRE_FALSE(d);
    CHECK(d.error().value == "cla_ceased_2020");
}

TEST_CASE("published: the calibration's inputs cite only target rows", "[sim][published]") {
    const auto t = data_file();
    const auto cal = default_england();
    auto cited = [&](std::string_view ids) {
        std::vector<std::string> out;
        std::string cur;
        for (const char c : ids) {
            if (c == ',') {
                out.push_back(cur);
                cur.clear();
            } else
                cur += c;
        }
        if (!cur.empty())
            out.push_back(cur);
        return out;
    };
    const std::vector<std::string_view> sources{cal.stock_count.source,
                                                cal.stock_age.source,
                                                cal.stock_home.source,
                                                cal.stock_long_term.source,
                                                cal.stock_s20.source,
                                                cal.stock_placement_order.source,
                                                cal.stock_uasc.source,
                                                cal.stock_out_of_area.source,
                                                cal.male.source,
                                                cal.after_care_ceased.source,
                                                cal.after_care_return_home_share.source,
                                                cal.after_care_sgo.source,
                                                cal.after_care_adoptions.source,
                                                cal.plo_weeks.source,
                                                cal.match_months.source,
                                                cal.placed_to_order_months.source,
                                                cal.sw_caseload.source,
                                                cal.sw_turnover.source,
                                                cal.sw_agency_share.source,
                                                cal.foster_carers.source,
                                                cal.carer_approvals.source,
                                                cal.adoption_breakdown_teen_factor.source};
    for (const auto s : sources)
        for (const auto& id : cited(s)) {
            INFO(id);
            CHECK(t.target(id));
        }
    // targets marked as inputs (fitted or used directly) are target rows too
    for (const auto& target : england_targets())
        if (target.input) {
            INFO(target.id);
            CHECK(t.target(target.id));
        }
}
