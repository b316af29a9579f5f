// libFuzzer target: the SSDA903 CSV reader. Any bytes give records and diagnostics (never a
// crash); every diagnostic names the file; and what was read, written back with the CSV writer
// and read again, gives the same cells.
#include "carepath/ssda903/csv.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace carepath::ssda903;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    std::vector<carepath::diagnostic> errors;
    const auto records = parse_csv(text, "fuzz.csv", errors);
    for (const auto& d : errors)
        if (d.file != "fuzz.csv" || d.line == 0)
            __builtin_trap();
    std::size_t last_line = 0;
    for (const auto& r : records) {
        if (r.fields.empty() || r.line < last_line)
            __builtin_trap();
        last_line = r.line;
    }

    // Round trip. A record holding one empty cell is written as an empty line, which a reader
    // rightly skips, and a cell starting with a byte order mark at the very start of the text
    // would be taken for one: those two cannot come back and are left out.
    std::ostringstream out;
    std::vector<const csv_record*> kept;
    for (const auto& r : records) {
        if (r.fields.size() == 1 && r.fields[0].empty())
            continue;
        if (kept.empty() && r.fields[0].starts_with("\xEF\xBB\xBF"))
            continue;
        write_csv_record(out, r.fields);
        kept.push_back(&r);
    }
    std::vector<carepath::diagnostic> again_errors;
    const std::string written = out.str();
    const auto again = parse_csv(written, "again.csv", again_errors);
    if (again.size() != kept.size())
        __builtin_trap();
    for (std::size_t i = 0; i < again.size(); ++i)
        if (again[i].fields != kept[i]->fields)
            __builtin_trap();
    return 0;
}
