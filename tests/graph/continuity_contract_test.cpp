#include "carepath/graph/continuity_contract.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace carepath;
using namespace carepath::graph;

namespace {
date on(int y, unsigned m, unsigned d) { return *make_date(y, m, d); }
const std::string root = std::string{CAREPATH_TEST_DATA} + "/graph/bench_example/";
std::string slurp(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

// The four files' text, in the order read_cohort_text takes them.
struct four_files {
    std::string people, relationships, placements, meta;
};
four_files example_files() {
    const auto in = root + "input/";
    return {slurp(in + "people.csv"), slurp(in + "relationships.csv"), slurp(in + "placements.csv"),
            slurp(in + "meta.csv")};
}
// The four result files, as one string, from either path.
std::string outputs(const cohort& c, const contract_results& r) {
    std::ostringstream os;
    write_moves_csv(os, c, r);
    write_children_csv(os, c, r);
    write_by_type_csv(os, r);
    write_siblings_csv(os, c, r);
    return os.str();
}
std::string outputs(const contract_run& run) {
    std::ostringstream os;
    write_moves_csv(os, run);
    write_children_csv(os, run);
    write_by_type_csv(os, run.results);
    write_siblings_csv(os, run);
    return os.str();
}
std::vector<std::string> printed(const std::vector<diagnostic>& problems) {
    std::vector<std::string> out;
    for (const auto& d : problems) out.push_back(to_string(d));
    return out;
}
std::filesystem::path write_dir(const std::string& name, const four_files& f) {
    const auto dir = std::filesystem::temp_directory_path() / ("carepath_contract_" + name);
    std::filesystem::create_directories(dir);
    for (const auto& [file, text] : {std::pair{"people.csv", &f.people},
                                     {"relationships.csv", &f.relationships},
                                     {"placements.csv", &f.placements}, {"meta.csv", &f.meta}}) {
        std::ofstream out{dir / file, std::ios::binary};
        out << *text;
    }
    return dir;
}

// A small random cohort, with the untidiness real files have: rows out of order, ties between
// two children, parallel rows, ids written twice, bad cells, blank lines, CRLF, no final '\n'.
four_files random_cohort(unsigned seed) {
    std::minstd_rand rng{seed + 1};
    const auto pick = [&](unsigned n) { return static_cast<unsigned>(rng() % n); };
    const auto day = [&](int from_year) {
        return std::to_string(from_year + static_cast<int>(pick(6))) + "-0" + std::to_string(1 + pick(9))
               + "-" + std::to_string(10 + pick(19));
    };
    const std::array<const char*, 6> prefixes{"C", "M", "FC", "T", "FR", "X"};
    const std::array<const char*, 6> kinds{"child", "mother", "foster_carer", "teacher", "friend", "other"};
    const std::array<const char*, 11> types{"parent", "sibling", "half_sibling", "carer", "friend",
                                            "teacher", "kin", "other", "sibling", "cousin", "sibling"};
    const char* eol = pick(4) == 0 ? "\r\n" : "\n";
    four_files f;
    f.meta = std::string{"key,value"} + eol + "census_date,2026-03-31" + eol;
    f.people = std::string{"person_id,kind,birth_date"} + eol;
    std::vector<std::string> ids;
    const unsigned n = 6 + pick(20);
    for (unsigned i = 0; i < n; ++i) {
        const unsigned k = i < 4 ? 0 : pick(6);
        // "X" ids are not numbered, so they go to the hash table.
        ids.push_back(k == 5 ? "X-" + std::to_string(i) : std::string{prefixes[k]} + std::to_string(1000 + pick(40)));
        f.people += ids.back() + "," + kinds[k] + "," + (pick(8) == 0 ? "2010-02-31" : day(2005)) + eol;
        if (pick(10) == 0) f.people += eol;
    }
    f.relationships = std::string{"from_id,to_id,type,start,end,end_reason"} + eol;
    for (unsigned r = 0, rows = 10 + pick(60); r < rows; ++r) {
        const auto& a = pick(12) == 0 ? std::string{"NOBODY"} : ids[pick(4)];
        const auto& b = ids[pick(n)];
        const bool open = pick(3) == 0;
        f.relationships += a + "," + b + "," + types[pick(11)] + "," + day(2018) + ","
                           + (open ? std::string{","} : day(2020) + (pick(10) ? ",placement_move" : ",")) + eol;
        if (pick(20) == 0) f.relationships += a + "," + b + eol;
    }
    f.placements = std::string{"child_id,start,end,placement_type,carer_id,school_id,local_authority"} + eol;
    for (unsigned i = 0; i < 4; ++i) {
        const auto spells = pick(5);
        for (unsigned s = 0; s < spells; ++s) {
            const auto start = day(2019 + static_cast<int>(s));
            f.placements += ids[pick(4)] + "," + start + "," + (pick(3) ? day(2025) : "") + ","
                            + (pick(6) ? "U4" : "Q1") + "," + (pick(4) ? ids[4 + pick(n - 4)] : "")
                            + ",,LA101" + eol;
        }
    }
    if (pick(3) == 0 && f.placements.size() > 2) f.placements.resize(f.placements.size() - std::string{eol}.size());
    return f;
}
} // namespace

TEST_CASE("continuity_contract: the worked example gives the expected four files byte for byte",
          "[graph][continuity_contract]") {
    const auto c = read_cohort(root + "input");
    REQUIRE(c.ok());
    const auto r = compute_contract(*c);
    std::ostringstream moves, children, by_type, siblings;
    write_moves_csv(moves, *c, r);
    write_children_csv(children, *c, r);
    write_by_type_csv(by_type, r);
    write_siblings_csv(siblings, *c, r);
    CHECK(moves.str() == slurp(root + "expected/moves.csv"));
    CHECK(children.str() == slurp(root + "expected/children.csv"));
    CHECK(by_type.str() == slurp(root + "expected/by_type.csv"));
    CHECK(siblings.str() == slurp(root + "expected/siblings.csv"));
}

TEST_CASE("continuity_contract: C0000001's moves count as worked out by hand", "[graph][continuity_contract]") {
    const auto c = read_cohort(root + "input");
    REQUIRE(c.ok());
    const auto r = compute_contract(*c);
    REQUIRE(r.moves.size() == 7);
    CHECK(c->external_id(r.moves[0].child) == "C0000001");
    CHECK(r.moves[0].on == on(2024, 3, 1));
    CHECK(r.moves[0].kept == 7);
    CHECK(r.moves[0].lost == 3);
    CHECK(r.moves[1].kept == 4);
    CHECK(r.moves[1].lost == 3);
    // C0000003's first move has nothing before it: no index, but still a move.
    CHECK(c->external_id(r.moves[3].child) == "C0000003");
    CHECK_FALSE(r.moves[3].index().has_value());
    REQUIRE(r.siblings.size() == 2);
    CHECK(r.siblings[0].overlap.both_in_care == days{1035});
    CHECK(r.siblings[0].overlap.together == days{274});
}

TEST_CASE("continuity_contract: kept plus lost never exceeds the ties begun before the move",
          "[graph][continuity_contract]") {
    const auto c = read_cohort(root + "input");
    REQUIRE(c.ok());
    const auto r = compute_contract(*c);
    for (const auto& m : r.moves) {
        std::uint32_t before = 0;
        c->graph.for_each_tie(m.child, [&](const tie& t, person_id) { before += t.span.start() < m.on ? 1u : 0u; });
        CHECK(m.kept + m.lost <= before);
    }
    // A wider window can only turn "none" into "lost" and "kept" into "lost".
    const auto wide = compute_contract(*c, {days{365}, days{365}});
    for (std::size_t i = 0; i < r.moves.size(); ++i) {
        CHECK(wide.moves[i].kept <= r.moves[i].kept);
        CHECK(wide.moves[i].kept + wide.moves[i].lost >= r.moves[i].kept + r.moves[i].lost);
    }
}

TEST_CASE("continuity_contract: reading as it counts gives the graph path's bytes and problems",
          "[graph][continuity_contract][property]") {
    const auto seed = GENERATE(range(0u, 60u));
    CAPTURE(seed);
    const auto f = seed == 0 ? example_files() : random_cohort(seed);
    const auto c = read_cohort_text(f.people, f.relationships, f.placements, f.meta);
    const auto run = run_contract_text(f.people, f.relationships, f.placements, f.meta);
    REQUIRE(c.ok() == run.ok());
    if (!c.ok()) {
        CHECK(to_string(c.error()) == to_string(run.error()));
        return;
    }
    CHECK(outputs(*run) == outputs(*c, compute_contract(*c)));
    CHECK(printed(run->problems) == printed(c->problems));
    CHECK(run->people() == c->graph.person_count());
    CHECK(run->ties == c->graph.tie_count());
    CHECK(run->skipped_rows == c->skipped_rows);
    CHECK(run->children == c->placements.size());
    // From files, a few bytes at a time: lines cut across reads give the same run.
    const auto dir = write_dir(std::to_string(seed), f);
    for (const std::size_t chunk : {1u, 7u, 64u, 1u << 20}) {
        CAPTURE(chunk);
        const auto from_files = run_contract(dir, {.chunk_bytes = chunk});
        REQUIRE(from_files.ok());
        CHECK(outputs(*from_files) == outputs(*run));
        CHECK(printed(from_files->problems) == printed(run->problems));
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("continuity_contract: the worked example read from its files gives the expected bytes",
          "[graph][continuity_contract]") {
    const auto run = run_contract(root + "input");
    REQUIRE(run.ok());
    std::ostringstream moves, children, by_type, siblings;
    write_moves_csv(moves, *run);
    write_children_csv(children, *run);
    write_by_type_csv(by_type, run->results);
    write_siblings_csv(siblings, *run);
    CHECK(moves.str() == slurp(root + "expected/moves.csv"));
    CHECK(children.str() == slurp(root + "expected/children.csv"));
    CHECK(by_type.str() == slurp(root + "expected/by_type.csv"));
    CHECK(siblings.str() == slurp(root + "expected/siblings.csv"));
    CHECK(run->skipped_rows == 1);
    CHECK(run->external_id(run->results.moves.front().child) == "C0000001");
}

TEST_CASE("continuity_contract: a missing file or a bad header is an error naming the file",
          "[graph][continuity_contract]") {
    auto f = example_files();
    const auto dir = write_dir("missing", f);
    std::filesystem::remove(dir / "placements.csv");
    const auto missing = run_contract(dir);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().file == "placements.csv");
    CHECK(missing.error().message == "cannot open the file");
    f.relationships.replace(0, 7, "from,to");
    const auto bad = run_contract(write_dir("missing", f));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().file == "relationships.csv");
    CHECK(bad.error().field == "header");
    std::filesystem::remove_all(dir);
}

TEST_CASE("continuity_contract: file_lines cuts lines as line_reader does, whatever the chunk",
          "[graph][continuity_contract]") {
    const std::string text = "a,b\r\n\nlonger than any chunk here\nlast";
    const auto dir = std::filesystem::temp_directory_path() / "carepath_contract_lines";
    std::filesystem::create_directories(dir);
    { std::ofstream{dir / "t.csv", std::ios::binary} << text; }
    for (const std::size_t chunk : {1u, 2u, 5u, 100u}) {
        CAPTURE(chunk);
        graph::detail::file_lines from_file{dir / "t.csv", chunk};
        graph::detail::line_reader from_text{text};
        REQUIRE(from_file.is_open());
        std::string_view a, b;
        std::vector<std::string> lines;
        while (from_text.next(b)) {
            REQUIRE(from_file.next(a));
            CHECK(a == b);
            CHECK(from_file.number() == from_text.number());
            lines.emplace_back(a);
        }
        CHECK_FALSE(from_file.next(a));
        CHECK_FALSE(from_file.failed());
        CHECK(lines == std::vector<std::string>{"a,b", "", "longer than any chunk here", "last"});
    }
    std::filesystem::remove_all(dir);
}
