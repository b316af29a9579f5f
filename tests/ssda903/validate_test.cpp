#include <carepath/ssda903/validate.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

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
    CHECK(report.rules_run == rules_for_year(2025).size());
    for (const auto& f : report.findings) UNSCOPED_INFO(f.rule << " " << f.table << ":" << f.line);
    CHECK(report.findings.empty());
}

TEST_CASE("validate: findings name rule, table, line, child and are sorted", "[ssda903][validate]") {
    auto data = small_return(2025);
    auto& eps = data.tables.at("Episodes");
    eps.rows[1].cells[1] = "20/06/2024"; // overlaps line 2, which ends 01/07/2024
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
    data.tables.at("Episodes").rows[0].cells[8] = "";  // DEC without REC
    const auto first = validate(data);
    const auto second = validate(data);
    CHECK(first.findings == second.findings);
    CHECK(!first.findings.empty());
}

TEST_CASE("validate: the collection year is inferred from the latest date", "[ssda903][validate]") {
    auto data = small_return(0);
    CHECK(infer_collection_year(data) == 2025); // latest date 01/07/2024 -> year to 31/03/2025
    data.tables.at("Episodes").rows[2].cells[1] = "15/02/2025";
    CHECK(infer_collection_year(data) == 2025);
    data.tables.at("Episodes").rows[2].cells[1] = "15/04/2025";
    CHECK(infer_collection_year(data) == 2026);
    data.collection_year = 2024;
    CHECK(infer_collection_year(data) == 2024);
}
