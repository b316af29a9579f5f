// libFuzzer target for the SSDA903 reader and the mapping: any bytes, read as CSV tables and as
// the XML form, then mapped to care histories and summarised, must never crash, hang or
// trip a sanitizer; a table read, written and read again must be the same table. The input is split at its first NUL byte: before it a Header file, after it
// an Episodes file (without a NUL, the whole input is both).
#include "carepath/ssda903/indicators.hpp"
#include "carepath/ssda903/mapping.hpp"
#include "carepath/ssda903/reader.hpp"
#include "carepath/ssda903/writer.hpp"
#include "carepath/ssda903/xml.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace carepath::ssda903;
    const std::string_view all{reinterpret_cast<const char*>(data), size};
    const auto nul = all.find('\0');
    const auto first = all.substr(0, nul);
    const auto second = nul == std::string_view::npos ? all : all.substr(nul + 1);

    return_data ret;
    ret.collection_year = 2025;
    ret.tables.emplace("Header",
                       read_table_text(first, "header.csv", "Header", ret.read_errors, 2025));
    ret.tables.emplace("Episodes",
                       read_table_text(second, "episodes.csv", "Episodes", ret.read_errors, 2025));
    auto guessed = read_table_text(all, "any.csv", "", ret.read_errors);

    // Oracle: a table read, written and read again is the same table (columns, cells and the
    // surplus cells of long rows). Quoting can lengthen a line, so inputs near the line limit
    // are left out.
    for (const table* t : {ret.find("Episodes"), static_cast<const table*>(&guessed)}) {
        std::ostringstream written;
        write_table(written, *t);
        if (written.str().size() >= read_limits{}.max_line_bytes)
            continue;
        std::vector<carepath::diagnostic> again_errors;
        const auto again = read_table_text(written.str(), "again.csv", t->name, again_errors, 2025);
        if (again.columns != t->columns || again.rows.size() != t->rows.size())
            __builtin_trap();
        for (std::size_t i = 0; i < t->rows.size(); ++i)
            if (again.cells(again.rows[i]).strings() != t->cells(t->rows[i]).strings()
                || again.extra(again.rows[i]).strings() != t->extra(t->rows[i]).strings())
                __builtin_trap();
    }

    const auto m = map_return(ret, {.home_districts = {"M1"}});
    const auto s = compute_indicators(m, 2025);
    std::ostringstream os;
    os << s;
    write_table(os, *ret.find("Episodes"));

    const auto x = read_xml_return_text(all, "return.xml", 2025);
    const auto mx = map_return(x);
    (void)compute_indicators(mx, 2025);
    write_xml_return(os, x);
    return 0;
}
