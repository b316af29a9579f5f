#pragma once
// Three children whose report figures are worked out by hand in
// care_report_test.cpp and export_test.cpp. Window: 1 April 2022 to 31 March
// 2024 (collection years 2022-23, 2023-24).
#include "carepath/core.hpp"

#include <catch2/catch.hpp>

#include <vector>

namespace carepath::testing {

inline date ymd(int y, unsigned m, unsigned d) {
    return *make_date(y, m, d);
}

inline care_history make_history(std::uint32_t id, date born) {
    child c;
    c.id = child_id{id};
    c.as_person = person_id{id};
    c.birth_date = born;
    return care_history{c};
}

inline void add(care_history& h, const care_event& e) {
    const auto r = h.add(e);
    INFO((r ? std::string{} : to_string(r.error())));
    REQUIRE(r);
}

/// Child 1: care order, foster carer 1 from 10/05/2022; moves to foster carer 2
/// on
///   01/09/2022 (a move); placement order 10/01/2023; adopted 01/06/2023.
/// Child 2: s20 in a children's home 01/04/2022; returns home 01/10/2022; comes
/// back (s20,
///   foster carer 4) 01/02/2023; still in care.
/// Child 3: care order since 01/01/2021 with foster carer 5 (U4); the same
/// carer becomes a
///   kinship carer type (U1) on 01/06/2022: not a move; still in care.
inline std::vector<care_history> sample_histories() {
    using l = legal_status;
    using p = placement_type;
    std::vector<care_history> out;
    auto h1 = make_history(1, ymd(2012, 1, 1));
    add(h1,
        entered_care{ymd(2022, 5, 10), l::care_order, placement::with_carer(p::U6, carer_id{1})});
    add(h1, placement_changed{ymd(2022, 9, 1), placement::with_carer(p::U6, carer_id{2}), {}});
    add(h1, legal_status_changed{ymd(2023, 1, 10), l::placement_order});
    add(h1, left_care{ymd(2023, 6, 1), exit_route::adoption});
    out.push_back(h1);
    auto h2 = make_history(2, ymd(2008, 3, 3));
    add(h2, entered_care{ymd(2022, 4, 1), l::accommodated_s20,
                         placement::with_carer(p::K2, carer_id{3})});
    add(h2, left_care{ymd(2022, 10, 1), exit_route::return_home});
    add(h2, reentered_care{ymd(2023, 2, 1), l::accommodated_s20,
                           placement::with_carer(p::U6, carer_id{4})});
    out.push_back(h2);
    auto h3 = make_history(3, ymd(2015, 7, 7));
    add(h3,
        entered_care{ymd(2021, 1, 1), l::care_order, placement::with_carer(p::U4, carer_id{5})});
    add(h3, placement_changed{ymd(2022, 6, 1), placement::with_carer(p::U1, carer_id{5}), {}});
    out.push_back(h3);
    return out;
}

} // namespace carepath::testing
