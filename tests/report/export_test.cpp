#include "carepath/report/export.hpp"

#include "sample_histories.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::report;
using carepath::testing::ymd;

namespace {
std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in{s};
    for (std::string l; std::getline(in, l);) {
        if (!l.empty() && l.back() == '\r')
            l.pop_back();
        out.push_back(l);
    }
    return out;
}
} // namespace

TEST_CASE("journey states: placement families then exit routes, numbered from 1",
          "[report][export]") {
    CHECK(state_by_number(1).name == "foster");
    CHECK(state_by_number(care_state_count).name == "other");
    CHECK(state_by_number(care_state_count + 1).name == "left_return_home");
    CHECK_THROWS_AS(state_by_number(0), std::out_of_range);
    CHECK_THROWS_AS(state_by_number(care_state_count + exit_state_count + 1), std::out_of_range);
}

TEST_CASE("mstate transitions: care to care and exit, exit back to care, "
          "numbered in order",
          "[report][export]") {
    const auto t = mstate_transitions();
    const auto c = care_state_count, e = exit_state_count;
    CHECK(t.size() == c * (c - 1 + e) + e * c);
    CHECK(t.front().number == 1);
    CHECK(t.front().from == 1);
    CHECK(t.front().to == 2);
    for (std::size_t i = 0; i < t.size(); ++i) {
        CHECK(t[i].number == i + 1);
        CHECK(t[i].from != t[i].to);
        CHECK((t[i].from <= c || t[i].to <= c)); // never exit to exit
    }
}

TEST_CASE("write_traminer: one row per child, the state on the first of each month",
          "[report][export]") {
    const auto h = carepath::testing::sample_histories();
    std::ostringstream os;
    write_traminer(os, h, ymd(2022, 4, 1), ymd(2023, 4, 1));
    const auto l = lines(os.str());
    REQUIRE(l.size() == 4);
    CHECK(l[0]
          == "id,2022-04,2022-05,2022-06,2022-07,2022-08,2022-09,2022-10,"
             "2022-11,2022-12,"
             "2023-01,2023-02,2023-03");
    // Child 1 entered 10/05/2022: missing on 1 April and 1 May.
    CHECK(l[1]
          == "1,NA,NA,foster,foster,foster,foster,foster,foster,foster,"
             "foster,foster,foster");
    // Child 2: home from 01/10/2022 until coming back on 01/02/2023.
    CHECK(l[2]
          == "2,residential,residential,residential,residential,residential,"
             "residential,"
             "left_return_home,left_return_home,left_return_home,left_"
             "return_home,foster,foster");
    CHECK(l[3]
          == "3,foster,foster,kinship_foster,kinship_foster,kinship_foster,"
             "kinship_foster,"
             "kinship_foster,kinship_foster,kinship_foster,kinship_foster,"
             "kinship_foster,kinship_foster");
}

TEST_CASE("write_mstate: one row per stay and possible next state; the one "
          "taken has status 1",
          "[report][export]") {
    const auto h = carepath::testing::sample_histories();
    std::ostringstream os;
    write_mstate(os, h, ymd(2022, 4, 1), ymd(2024, 4, 1));
    const auto l = lines(os.str());
    REQUIRE(!l.empty());
    CHECK(l[0] == "id,from,to,trans,Tstart,Tstop,status");
    const auto c = care_state_count, e = exit_state_count;
    const auto out_of_care = c - 1 + e; // rows per stay in care
    // Child 1: foster (10/05/2022 - 01/06/2023, 387 days), then adopted
    // (absorbing here: the window ends with it; its rows back into care are
    // censored). Child 2: residential 0-183, left_return_home 183-306, foster
    // 306-731 (censored). Child 3: foster 0-61 (from 1 April 2022),
    // kinship_foster 61-731 (censored).
    std::size_t rows = 0, events = 0;
    std::vector<std::string> taken;
    for (std::size_t i = 1; i < l.size(); ++i) {
        ++rows;
        if (l[i].ends_with(",1")) {
            ++events;
            taken.push_back(l[i]);
        }
    }
    CHECK(rows == (1 + 2 + 2) * out_of_care + 2 * c); // five stays in care, two after leaving
    REQUIRE(events == 4);
    const auto adoption = std::to_string(c + 1 + static_cast<std::size_t>(exit_route::adoption));
    const auto home = std::to_string(c + 1 + static_cast<std::size_t>(exit_route::return_home));
    CHECK(taken[0].starts_with("1,1," + adoption + ","));
    CHECK(taken[0].ends_with(",0,387,1"));
    CHECK(taken[1].starts_with("2,4," + home + ","));
    CHECK(taken[1].ends_with(",0,183,1"));
    CHECK(taken[2].starts_with("2," + home + ",1,"));
    CHECK(taken[2].ends_with(",183,306,1"));
    CHECK(taken[3].starts_with("3,1,2,"));
    CHECK(taken[3].ends_with(",0,61,1"));
}

TEST_CASE("write_traminer and write_mstate: rows carry the caller's ids when given",
          "[report][export]") {
    const auto h = carepath::testing::sample_histories();
    const std::vector<std::string> ids{"A17", "0042", "B-3"};
    std::ostringstream seq, ms;
    write_traminer(seq, h, ymd(2022, 4, 1), ymd(2023, 4, 1), ids);
    write_mstate(ms, h, ymd(2022, 4, 1), ymd(2024, 4, 1), ids);
    const auto l = lines(seq.str());
    REQUIRE(l.size() == 4);
    CHECK(l[1].starts_with("A17,NA,NA,foster,"));
    CHECK(l[2].starts_with("0042,residential,"));
    CHECK(l[3].starts_with("B-3,foster,"));
    std::size_t per_child[3] = {0, 0, 0};
    for (const auto& row : lines(ms.str()))
        for (std::size_t i = 0; i < 3; ++i)
            if (row.starts_with(ids[i] + ",")) ++per_child[i];
    CHECK(per_child[0] > 0);
    CHECK(per_child[1] > 0);
    CHECK(per_child[2] > 0);
    CHECK(lines(ms.str()).size() == 1 + per_child[0] + per_child[1] + per_child[2]);
    const std::vector<std::string> short_list{"A17"};
    CHECK_THROWS_AS(write_traminer(seq, h, ymd(2022, 4, 1), ymd(2023, 4, 1), short_list),
                    std::invalid_argument);
}
