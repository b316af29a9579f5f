#include <carepath/ssda903/validate.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace carepath::ssda903;
using namespace carepath::ssda903::testing;

namespace {
return_data small_return(int year) {
    return make_return(year, {
        make_table("Header", header_columns, {"A,F,01/01/2010,WBRI,UN2,0,", "B,M,01/01/2011,WBRI,UN2,,"}),
        make_table("Episodes", episode_columns, {
            "A,01/05/2024,S,C1,N1,U4,PR1,01/07/2024,X1,CARPL,M1 1AA,M2 2BB,1234567",
            "A,01/07/2024,P,C1,N1,U6,PR4,,,,M1 1AA,M3 3CC,7654321",
            "B,01/05/2024,S,C1,N1,U4,PR1,,,,M1 1AA,M2 2BB,1234567",
        }),
    });
}
} // namespace

TEST_CASE("validate: a clean return has no findings", "[ssda903][validate]") {
    const auto report = validate(small_return(2025));
    CHECK(report.year == 2025);
    CHECK(report.status == validation_status::complete);
    CHECK(report.problems.empty());
    CHECK(report.clean());
    CHECK(report.rules_run == rules_for_year(2025).size());
    for (const auto& f : report.findings) UNSCOPED_INFO(f.rule << " " << f.table << ":" << f.line);
    CHECK(report.findings.empty());
}

TEST_CASE("validate: findings name rule, table, line, child and are sorted", "[ssda903][validate]") {
    auto data = small_return(2025);
    auto& eps = data.tables.at("Episodes");
    eps.set_cell(eps.rows[1], 1, "20/06/2024"); // overlaps line 2, which ends 01/07/2024
    const auto report = validate(data);
    bool saw_501 = false;
    for (const auto& f : report.findings)
        if (f.rule == "501") {
            saw_501 = true;
            CHECK(f.table == "Episodes");
            CHECK(f.line == 3);
            CHECK(f.child == "A");
            CHECK(f.fields == "DECOM;DEC");
        }
    CHECK(saw_501);
    for (std::size_t i = 1; i < report.findings.size(); ++i) {
        const auto& a = report.findings[i - 1];
        const auto& b = report.findings[i];
        CHECK((a.table < b.table || (a.table == b.table && a.line <= b.line)));
    }
}

TEST_CASE("validate: the same return validated twice gives the same findings", "[ssda903][validate]") {
    auto data = small_return(2025);
    data.tables.at("Episodes").set_cell(data.tables.at("Episodes").rows[0], 8, "");  // DEC without REC
    const auto first = validate(data);
    const auto second = validate(data);
    CHECK(first.findings == second.findings);
    CHECK(!first.findings.empty());
}

TEST_CASE("validate: the collection year is inferred from the latest date", "[ssda903][validate]") {
    auto data = small_return(0);
    CHECK(infer_collection_year(data) == 2025); // latest date 01/07/2024 -> year to 31/03/2025
    data.tables.at("Episodes").set_cell(data.tables.at("Episodes").rows[2], 1, "15/02/2025");
    CHECK(infer_collection_year(data) == 2025);
    data.tables.at("Episodes").set_cell(data.tables.at("Episodes").rows[2], 1, "15/04/2025");
    CHECK(infer_collection_year(data) == 2026);
    data.collection_year = 2024;
    CHECK(infer_collection_year(data) == 2024);
}

TEST_CASE("validate: an episode ending on 1 April belongs to the year ending the day before",
          "[ssda903][validate]") {
    // The shared demand-model samples' 2019-20 return ends one episode on 01/04/2020: in care
    // up to 31 March, so 2019-20, not 2020-21.
    auto data = small_return(0);
    auto& eps = data.tables.at("Episodes");
    eps.set_cell(eps.rows[2], 7, "01/04/2025");
    eps.set_cell(eps.rows[2], 8, "E4A");
    CHECK(infer_collection_year(data) == 2025);
    eps.set_cell(eps.rows[2], 7, "02/04/2025"); // in care on 1 April: the next year
    CHECK(infer_collection_year(data) == 2026);
    eps.set_cell(eps.rows[2], 7, "");
    eps.set_cell(eps.rows[2], 8, "");
    eps.set_cell(eps.rows[2], 1, "01/04/2025"); // an episode starting on 1 April is the next year's
    CHECK(infer_collection_year(data) == 2026);
}

TEST_CASE("validate: a return with a file that could not be read is incomplete, never clean",
          "[ssda903][validate]") {
    // Issue 15, item 1: an Episodes file saved as UTF-16 (or with ';' between cells) was read
    // as nothing, and validate() said "0 findings".
    auto data = small_return(2025);
    data.tables.erase("Episodes");
    data.read_errors.push_back(carepath::diagnostic{
        .file = "episodes.csv", .message = "the file is UTF-16; save it as UTF-8"});
    data.unread_files.push_back("episodes.csv");
    const auto report = validate(data);
    CHECK(report.rules_run == rules_for_year(2025).size()); // what was read is still checked
    CHECK(report.status == validation_status::incomplete);
    CHECK_FALSE(report.clean());
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].file == "episodes.csv");
    CHECK(report.problems[0].message.find("save it as UTF-8") != std::string::npos);
    CHECK(carepath::to_string(report.status) == "incomplete");
}

TEST_CASE("validate: a year carepath has no rules for is refused, not run as another year",
          "[ssda903][validate]") {
    // Issue 15, item 2: 2019 ran the 2023 rules and 2035 the 2027 rules, silently.
    for (const int year : {2018, 2019, 2028, 2035}) {
        CAPTURE(year);
        const auto report = validate(small_return(2025), {.year = year, .local_authority = {}});
        CHECK(report.status == validation_status::refused);
        CHECK(report.year == year);
        CHECK(report.rules_run == 0);
        CHECK(report.findings.empty());
        CHECK_FALSE(report.clean());
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].value == std::to_string(year));
        CHECK(report.problems[0].message.find("no rules for") != std::string::npos);
    }
    SECTION("an inferred year outside the rules is refused too, naming the year") {
        auto data = small_return(0);
        auto& eps = data.tables.at("Episodes");
        for (auto& r : eps.rows) {
            eps.set_cell(r, 1, "01/05/2018");
            if (!eps.cell(r, 7).empty()) eps.set_cell(r, 7, "01/07/2018");
        }
        const auto report = validate(data);
        CHECK(report.status == validation_status::refused);
        CHECK(report.year == 2019);
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].message.find("2018-19") != std::string::npos);
    }
    SECTION("every year carepath knows runs") {
        for (int year = first_collection_year; year <= last_collection_year; ++year) {
            const auto report = validate(small_return(year));
            CHECK(report.status == validation_status::complete);
            CHECK(report.rules_run == rules_for_year(year).size());
        }
    }
}

TEST_CASE("validate: the span of a return's episode dates and the year of a day",
          "[ssda903][validate]") {
    const auto span = episode_date_span(small_return(2025));
    REQUIRE(span);
    CHECK(span->first == *carepath::make_date(2024, 5, 1));
    CHECK(span->last == *carepath::make_date(2024, 7, 1));
    CHECK(collection_year_of(*carepath::make_date(2025, 3, 31)) == 2025);
    CHECK(collection_year_of(*carepath::make_date(2025, 4, 1)) == 2026);
    CHECK_FALSE(episode_date_span(return_data{}));
}

namespace {
/// The same two children one collection year earlier or later: `start` is the calendar year
/// the collection year begins in. Child B is a care leaver with OC3 activity `activ`, child A
/// lives in her placement's postcode (U4: rule 392d from 2022-23).
return_data return_starting(int start, const std::string& activ) {
    const auto y = std::to_string(start);
    return make_return(0, {
        make_table("Header", header_columns, {"A,F,01/01/2010,WBRI,UN2,0,",
                                              "B,M,01/01/" + std::to_string(start - 17)
                                                  + ",WBRI,UN2,,"}),
        make_table("Episodes", episode_columns, {
            "A,01/05/" + y + ",S,C1,N1,U4,PR1,,,,M1 1AA,M1 1AA,1234567",
        }),
        make_table("OC3", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM",
                   {"B,01/01/" + std::to_string(start - 17) + ",YES," + activ + ",D1"}),
    });
}
bool has_rule(const validation_report& r, const std::string& code) {
    return std::any_of(r.findings.begin(), r.findings.end(),
                       [&](const finding& f) { return f.rule == code; });
}
} // namespace

TEST_CASE("validate: a 2020-21 return runs the 2020-21 rules, not 2022-23's",
          "[ssda903][validate]") {
    const auto report = validate(return_starting(2020, "F3"));
    CHECK(report.year == 2021);
    CHECK(report.status == validation_status::complete);
    CHECK(report.problems.empty());
    CHECK(report.rules_run == rules_for_year(2021).size());
    CHECK_FALSE(has_rule(report, "132")); // F3 was an activity code until 2020-21
    CHECK_FALSE(has_rule(report, "392d")); // not a rule before 2022-23
    SECTION("a code of later years is wrong in 2020-21") {
        CHECK(has_rule(validate(return_starting(2020, "F5")), "132"));
    }
    SECTION("the same return as 2022-23 breaks the rules of 2022-23") {
        const auto later = validate(return_starting(2022, "F3"));
        CHECK(later.year == 2023);
        CHECK(has_rule(later, "132"));
        CHECK(has_rule(later, "392d"));
        CHECK_FALSE(has_rule(validate(return_starting(2022, "F5")), "132"));
    }
    SECTION("2021-22 has the new activity codes but not yet rule 392d") {
        const auto mid = validate(return_starting(2021, "F3"));
        CHECK(mid.year == 2022);
        CHECK(has_rule(mid, "132"));
        CHECK_FALSE(has_rule(mid, "392d"));
    }
    SECTION("2018-19 is refused and the message names the years carepath knows") {
        const auto old = validate(return_starting(2018, "F3"));
        CHECK(old.year == 2019);
        CHECK(old.status == validation_status::refused);
        REQUIRE(old.problems.size() == 1);
        CHECK(old.problems[0].message.find("2019-20 to 2026-27") != std::string::npos);
    }
}
