#include <carepath/ssda903/rules/episode_sequence.hpp>

#include "rules_fixture.hpp"

#include <catch2/catch.hpp>

using namespace carepath::ssda903;
using namespace carepath::ssda903::testing;
using lines = std::set<std::size_t>;

namespace {
// Collection year 2024-25 (01/04/2024 - 31/03/2025).
return_data episodes_2025(const std::vector<std::string>& rows) {
    return make_return(2025, {make_table("Episodes", episode_columns, rows)});
}
} // namespace

TEST_CASE("episode sequence: same-carer changes T, U and L pass when the data shows them",
          "[ssda903][rules_episode_sequence]") {
    // T: placement type changes (U3 -> U1), legal status and carer stay; U: legal status and
    // placement type change (C1 -> C2, U1 -> U4) with the same carer; L: legal status only.
    const auto data = episodes_2025({
        "A,01/05/2024,S,C1,N1,U3,PR1,01/07/2024,X1,PLACE,M1 1AA,M2 2BB,1234567",  // line 2
        "A,01/07/2024,T,C1,N1,U1,PR1,01/09/2024,X1,PLACE,M1 1AA,M2 2BB,1234567",  // line 3
        "A,01/09/2024,U,C2,N1,U4,PR1,01/11/2024,X1,,M1 1AA,M2 2BB,1234567",       // line 4
        "A,01/11/2024,L,E1,N1,U4,PR1,,,,M1 1AA,M2 2BB,1234567",                   // line 5
    });
    for (const auto* code : {"142", "388", "431", "432", "433", "434", "435", "436", "437", "501",
                             "504", "357", "225"}) {
        CAPTURE(code);
        CHECK(run_rule(data, code, 2025).empty());
    }
}

TEST_CASE("episode sequence: RNE that does not match what changed is reported",
          "[ssda903][rules_episode_sequence]") {
    const auto data = episodes_2025({
        "B,01/05/2024,S,C1,N1,U3,PR1,01/06/2024,X1,PLACE,M1 1AA,M2 2BB,1234567",  // 2
        "B,01/06/2024,T,C1,N1,U3,PR1,01/07/2024,X1,PLACE,M1 1AA,M2 2BB,1234567",  // 3 T, nothing changed
        "B,01/07/2024,U,C1,N1,U6,PR1,01/08/2024,X1,CARPL,M1 1AA,M2 2BB,1234567",  // 4 U, LS unchanged
        "B,01/08/2024,L,C2,N1,U6,PR4,01/09/2024,X1,CARPL,M1 1AA,M3 3CC,7654321",  // 5 L, carer changed
        "B,01/09/2024,P,C2,N1,U4,PR4,,,,M1 1AA,M4 4DD,1111111",                    // 6 P, fine
    });
    CHECK(episode_lines(run_rule(data, "435", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "436", 2025)) == lines{4});
    CHECK(episode_lines(run_rule(data, "434", 2025)) == lines{5});
    // A same-carer T change needs no reason for the placement change (225 wants one only when
    // the next episode is P, B, T or U: here lines 2, 3 and 4 have one, so nothing).
    CHECK(run_rule(data, "225", 2025).empty());
}

TEST_CASE("episode sequence: overlapping episodes are reported by 501, 433 and 388",
          "[ssda903][rules_episode_sequence]") {
    const auto data = episodes_2025({
        "C,01/05/2024,S,C1,N1,U3,PR1,01/08/2024,X1,CARPL,M1 1AA,M2 2BB,1234567",  // 2
        "C,20/07/2024,P,C1,N1,U6,PR4,,,,M1 1AA,M3 3CC,7654321",                    // 3 starts before 2 ends
    });
    CHECK(episode_lines(run_rule(data, "501", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "433", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "388", 2025)) == lines{2}); // X1 but no episode on its DEC
    CHECK(run_rule(data, "142", 2025).empty());
}

TEST_CASE("episode sequence: a child who leaves care and comes back starts again with S",
          "[ssda903][rules_episode_sequence]") {
    const auto data = episodes_2025({
        "E,01/04/2024,S,V2,N4,U6,PR1,01/06/2024,E4A,,M1 1AA,M2 2BB,1234567",  // 2 goes home
        "E,01/09/2024,S,C1,N4,U6,PR1,,,,M1 1AA,M2 2BB,1234567",               // 3 back: fine
        "F,01/04/2024,S,V2,N4,U6,PR1,01/06/2024,E4A,,M1 1AA,M2 2BB,1234567",  // 4
        "F,01/06/2024,S,C1,N4,U6,PR1,,,,M1 1AA,M2 2BB,1234567",               // 5 back the same day
        "G,01/04/2024,S,V2,N4,U6,PR1,01/06/2024,E13,,M1 1AA,M2 2BB,1234567",  // 6
        "G,01/09/2024,P,C1,N4,U4,PR1,,,,M1 1AA,M3 3CC,1234567",               // 7 back, but as P
    });
    CHECK(episode_lines(run_rule(data, "431", 2025)) == lines{5});
    CHECK(episode_lines(run_rule(data, "388", 2025)) == lines{4}); // E4A followed the same day
    CHECK(episode_lines(run_rule(data, "432", 2025)) == lines{7});
    CHECK(episode_lines(run_rule(data, "433", 2025)) == lines{7});
    CHECK(run_rule(data, "142", 2025).empty());
    CHECK(run_rule(data, "357", 2025).empty()); // every first episode is S
}

TEST_CASE("episode sequence: only the last episode may be open, and it may not end X1",
          "[ssda903][rules_episode_sequence]") {
    const auto data = episodes_2025({
        "H,01/05/2024,S,C1,N1,U3,PR1,,,,M1 1AA,M2 2BB,1234567",                  // 2 open, not last
        "H,01/07/2024,P,C1,N1,U6,PR4,01/09/2024,X1,,M1 1AA,M3 3CC,1234567",     // 3 last ends X1
        "K,01/05/2024,P,C1,N1,U3,PR1,01/06/2024,E2,,M1 1AA,M2 2BB,1234567",     // 4 died...
        "K,02/06/2024,S,C1,N1,U3,PR1,,,,M1 1AA,M2 2BB,1234567",                  // 5 ...but goes on
    });
    CHECK(episode_lines(run_rule(data, "142", 2025)) == lines{2});
    CHECK(episode_lines(run_rule(data, "388", 2025)) == lines{3});
    CHECK(episode_lines(run_rule(data, "437", 2025)) == lines{4});
    CHECK(episode_lines(run_rule(data, "357", 2025)) == lines{4}); // K's first episode is P
}

TEST_CASE("episode sequence: a temporary placement is followed by a return to the placement "
          "before it",
          "[ssda903][rules_episode_sequence]") {
    const auto data = episodes_2025({
        "T,01/05/2024,S,C2,N1,U4,PR1,01/06/2024,X1,,M1 1AA,M2 2BB,1234567",  // 2
        "T,01/06/2024,P,C2,N1,T1,,08/06/2024,X1,,M1 1AA,M9 9ZZ,",            // 3 hospital
        "T,08/06/2024,P,C2,N1,U4,PR1,01/07/2024,X1,,M1 1AA,M2 2BB,1234567",  // 4 back: fine
        "T,01/07/2024,P,C2,N1,T4,,04/07/2024,X1,,M1 1AA,M9 9ZZ,",            // 5
        "T,04/07/2024,P,C2,N1,U6,PR4,,,,M1 1AA,M3 3CC,7654321",              // 6 elsewhere
    });
    CHECK(episode_lines(run_rule(data, "383", 2025)) == lines{6});
    // 2025-26 also compares the placement postcode.
    CHECK(episode_lines(run_rule(data, "383", 2026)) == lines{6});
    // Moves into and out of a temporary placement need no reason for the placement change
    // (225 skips them), and none is given on or just before one (226).
    CHECK(run_rule(data, "225", 2025).empty());
    CHECK(run_rule(data, "226", 2025).empty());
}

TEST_CASE("episode sequence: legal statuses with time limits are measured over runs",
          "[ssda903][rules_episode_sequence]") {
    const auto data = episodes_2025({
        "P,01/05/2024,S,L1,N1,U3,PR1,03/05/2024,X1,,M1 1AA,M2 2BB,1",  // 2 L1 2 days...
        "P,03/05/2024,P,L1,N1,U6,PR4,06/05/2024,X1,,M1 1AA,M3 3CC,1",  // 3 ...then 3 more: 5 > 3
        "P,06/05/2024,L,C1,N1,U6,PR4,,,,M1 1AA,M3 3CC,1",              // 4
        "Q,01/05/2024,S,L3,N1,U3,PR1,08/05/2024,X1,,M1 1AA,M2 2BB,1",  // 5 L3 7 days: allowed
        "Q,08/05/2024,L,C1,N1,U3,PR1,,,,M1 1AA,M2 2BB,1",              // 6
    });
    CHECK(episode_lines(run_rule(data, "361", 2025)) == lines{2, 3});
    CHECK(run_rule(data, "363", 2025).empty());
}

TEST_CASE("episode sequence: undated episodes sort last and are left to the date rules",
          "[ssda903][rules_episode_sequence]") {
    const auto data = episodes_2025({
        "U,31/02/2024,S,C1,N1,U3,PR1,01/06/2024,X1,,M1 1AA,M2 2BB,1",  // 2 impossible DECOM
        "U,01/06/2024,P,C1,N1,U6,PR4,,,,M1 1AA,M3 3CC,1",              // 3
    });
    // As the DfE sorts it, the undated episode comes first for 388: its X1 is followed on
    // 01/06/2024, so no finding. For 142 it comes last, so the open line 3 is "not the last".
    CHECK(run_rule(data, "388", 2025).empty());
    CHECK(episode_lines(run_rule(data, "142", 2025)) == lines{3});
    // 357: the first dated episode (line 3) starts in the year with P.
    CHECK(episode_lines(run_rule(data, "357", 2025)) == lines{3});
}

TEST_CASE("episode sequence: of two episodes with the same DECOM the later in the file is last "
          "(rule 142)",
          "[ssda903][rules_episode_sequence]") {
    // Same DECOM: the order is the file's (a stable sort), so which episode 142 may leave open
    // does not depend on the sort's implementation. The Python validator's quicksort may pick
    // either; carepath documents its choice in docs/ssda903-rules.md.
    const std::string open = "A,01/05/2024,S,C1,N1,U3,PR1,,,,M1 1AA,M2 2BB,1234567";
    const std::string closed = "A,01/05/2024,P,C1,N1,U6,PR4,01/09/2024,E11,,M1 1AA,M3 3CC,1234567";
    SECTION("the open episode first: it is not the last, so 142 reports it") {
        CHECK(episode_lines(run_rule(episodes_2025({open, closed}), "142", 2025)) == lines{2});
    }
    SECTION("the open episode second: it is the last, and 142 is satisfied") {
        CHECK(run_rule(episodes_2025({closed, open}), "142", 2025).empty());
    }
    SECTION("three on one day: only the last in file order may be open") {
        CHECK(episode_lines(run_rule(episodes_2025({open, open, open}), "142", 2025))
              == lines{2, 3});
    }
}
