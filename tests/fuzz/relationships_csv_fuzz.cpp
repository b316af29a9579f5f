// libFuzzer target: the relationships extract reader and its join to a small fixed return. Any
// bytes give records and diagnostics, never a crash; every diagnostic names the file and a
// line; every record is whole (an end only with its reason, never before the start); the
// records written and read again are the same records; and the join names every row it
// cannot use by its line, keeping the return's moves as they were.
#include "carepath/ssda903/join_relationships.hpp"
#include "carepath/ssda903/mapping.hpp"
#include "carepath/ssda903/reader.hpp"
#include "carepath/ssda903/relationships_csv.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>
#include <vector>

namespace {
const carepath::ssda903::return_data& fixed_return() {
    using namespace carepath::ssda903;
    static const return_data r = [] {
        return_data out;
        out.collection_year = 2025;
        out.tables.emplace("Header", read_table_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                                                     "201,F,05/05/2012,WBRI,,,\n"
                                                     "202,M,06/06/2014,WBRI,,,\n",
                                                     "header.csv", "Header", out.read_errors));
        out.tables.emplace(
            "Episodes",
            read_table_text("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
                            "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                            "201,01/06/2022,S,C2,N1,U4,PR1,01/09/2024,X1,CARPL,,,\n"
                            "201,01/09/2024,P,C2,N1,U4,PR1,,,,,,\n"
                            "202,01/06/2022,S,C2,N1,U4,PR1,,,,,,\n",
                            "episodes.csv", "Episodes", out.read_errors));
        return out;
    }();
    return r;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace carepath::ssda903;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto x = read_relationships_text(text, "rel.csv");
    for (const auto& d : x.diagnostics)
        if (d.file != "rel.csv" || d.line == 0)
            __builtin_trap();
    for (const auto& r : x.records) {
        if (r.line < 2 || r.child.empty() || (r.person.empty() && r.person_child.empty()))
            __builtin_trap();
        if (r.end.has_value() != r.reason.has_value() || (r.end && *r.end < r.start))
            __builtin_trap();
    }

    std::ostringstream out;
    write_relationships(out, x.records);
    const std::string written = out.str();
    const auto again = read_relationships_text(written, "again.csv");
    if (!again.diagnostics.empty() || again.records.size() != x.records.size())
        __builtin_trap();
    for (std::size_t i = 0; i < x.records.size(); ++i) {
        auto a = again.records[i], b = x.records[i];
        a.line = b.line = 0; // the lines differ when a quoted cell spanned lines
        if (a != b)
            __builtin_trap();
    }

    auto mapped = map_return(fixed_return());
    const auto moves_before = mapped.children[0].history.moves().size();
    const auto j = join_relationships(mapped, x);
    for (const auto& d : j.diagnostics)
        if (d.file != "rel.csv" || (d.line == 0 && d.field != "CHILD"))
            __builtin_trap();
    if (j.rows_joined > x.records.size() || mapped.children[0].history.moves().size() != moves_before)
        __builtin_trap();
    return 0;
}
