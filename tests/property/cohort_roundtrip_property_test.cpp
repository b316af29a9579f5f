// Round trip as a property (issue 15): a relationship network (the cohort files of
// graph/cohort_csv.hpp) read, written (graph/cohort_write.hpp) and read back is the same
// network. The random files mix good rows with the faults the reader reports (unknown people
// and types, bad dates, endings without reasons, repeated people), so whatever the reader
// keeps must survive the trip.
#include "support/random.hpp"

#include "carepath/graph/cohort_write.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::graph;
using carepath::testing::test_rng;

namespace {

std::string random_day(test_rng& r) {
    if (r.chance(3)) return "2021-02-30"; // not a calendar date
    const date d = *make_date(2000, 1, 1) + days{r.between(0, 9500)};
    return format_iso(d);
}

struct random_files {
    std::string people = "person_id,kind,birth_date\n";
    std::string rels = "from_id,to_id,type,start,end,end_reason\n";
    std::string places = "child_id,start,end,placement_type,carer_id,school_id,local_authority\n";
    std::string meta = "key,value\ncensus_date,2026-03-31\n";
};

random_files make_files(test_rng& r) {
    random_files f;
    const std::vector<std::string> kinds{"child", "mother", "foster_carer", "teacher", "friend",
                                         "sibling", "alien"};
    const std::vector<std::string> types{"parent", "sibling", "carer", "teacher", "friend",
                                         "kin", "cousin"};
    const std::vector<std::string> reasons{"placement_move", "school_move", "death", "unknown",
                                           "", "vanished"};
    const std::vector<std::string> codes{"U4", "U1", "K2", "P1", "K3", "Q9"};
    const int people = r.between(1, 25);
    std::vector<std::string> ids;
    for (int i = 0; i < people; ++i) {
        const std::string id = (r.chance(50) ? "C" : "P") + std::to_string(r.between(1, 30));
        ids.push_back(id);
        f.people += id + ',' + r.pick(std::span<const std::string>{kinds}) + ','
                    + (r.chance(40) ? std::string{} : random_day(r)) + '\n';
    }
    const auto someone = [&] {
        return r.chance(5) ? std::string{"NOBODY"} : ids[static_cast<std::size_t>(r.below(ids.size()))];
    };
    const int rels = r.between(0, 40);
    for (int i = 0; i < rels; ++i) {
        const bool ended = r.chance(50);
        f.rels += someone() + ',' + someone() + ',' + r.pick(std::span<const std::string>{types})
                  + ',' + random_day(r) + ',' + (ended ? random_day(r) : std::string{}) + ','
                  + (ended || r.chance(5) ? r.pick(std::span<const std::string>{reasons}) : "")
                  + '\n';
    }
    const int places = r.between(0, 15);
    for (int i = 0; i < places; ++i)
        f.places += someone() + ',' + random_day(r) + ','
                    + (r.chance(30) ? std::string{} : random_day(r)) + ','
                    + r.pick(std::span<const std::string>{codes}) + ','
                    + (r.chance(30) ? std::string{} : someone()) + ",SCH1,"
                    + (r.chance(20) ? std::string{} : "LA" + std::to_string(r.between(0, 300)))
                    + '\n';
    return f;
}

} // namespace

TEST_CASE("cohort round trip: read, written and read back, a cohort is the same",
          "[property][cohort][roundtrip]") {
    const auto seed = GENERATE(range(7000u, 7300u));
    CAPTURE(seed);
    test_rng r{seed};
    const auto files = make_files(r);
    const auto first = read_cohort_text(files.people, files.rels, files.places, files.meta);
    REQUIRE(first.ok());
    const auto text = write_cohort_text(*first);
    INFO((text.ok() ? std::string{} : to_string(text.error())));
    REQUIRE(text.ok());
    const auto second =
        read_cohort_text(text->people, text->relationships, text->placements, text->meta);
    REQUIRE(second.ok());
    // What was read comes back without a single problem, except repeated people (both rows are
    // kept, so the repeat is reported again).
    for (const auto& d : second->problems) {
        INFO(to_string(d));
        CHECK(d.message.find("listed more than once") != std::string::npos);
    }
    const auto diff = cohort_difference(*first, *second);
    INFO(diff.value_or("") << "\n--- written:\n" << text->people << text->relationships << text->placements);
    CHECK_FALSE(diff.has_value());
    // Writing the cohort read back gives the same text again.
    const auto again = write_cohort_text(*second);
    REQUIRE(again.ok());
    CHECK(again->people == text->people);
    CHECK(again->relationships == text->relationships);
    CHECK(again->placements == text->placements);
}
