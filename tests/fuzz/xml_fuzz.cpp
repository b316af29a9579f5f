// libFuzzer target: the SSDA903 XML reader and writer. Any bytes give a return and
// diagnostics, never a crash or a hang; every diagnostic names the file, and every row read
// keeps its line. Round trip: what the writer makes of a return reads back to a return it writes
// with the same bytes and no more rows in any table (the first write may drop what the XML form
// cannot hold, such as blank cells, and a child's element always reads as a Header row; after
// that nothing may change).
#include "carepath/ssda903/writer.hpp"
#include "carepath/ssda903/xml.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {
std::string written(const carepath::ssda903::return_data& r) {
    std::ostringstream os;
    carepath::ssda903::write_xml_return(os, r);
    return os.str();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace carepath::ssda903;
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    std::vector<carepath::diagnostic> errors;
    const auto doc = parse_xml(text, "fuzz.xml", errors);
    for (const auto& d : errors)
        if (d.file != "fuzz.xml")
            __builtin_trap();
    const auto ret = read_xml_return_text(text, "fuzz.xml", 2024);
    for (const auto& d : ret.read_errors)
        if (d.file != "fuzz.xml")
            __builtin_trap();
    for (const auto& [name, t] : ret.tables)
        for (const auto& r : t.rows)
            if (t.cells(r).size() != t.columns.size())
                __builtin_trap();
    (void)doc;

    const std::string once = written(ret);
    const auto back = read_xml_return_text(once, "again.xml", 2024);
    const std::string twice = written(back);
    if (twice != once) {
        const auto third = read_xml_return_text(twice, "third.xml", 2024);
        if (written(third) != twice)
            __builtin_trap(); // the writer's own output does not settle
        __builtin_trap();     // write(read(write(x))) differs from write(x)
    }
    // Every CHILD element of the XML form reads as a Header row, so a child with episodes but
    // no Header row comes back with one (CHILD alone): the form cannot hold that gap. Any other
    // new row is a row made out of nothing.
    std::set<std::string> children;
    for (const auto& [name, t] : ret.tables)
        if (const auto c = t.column("CHILD"))
            for (const auto& r : t.rows)
                if (*c < t.cells(r).size())
                    children.insert(normalise_child_id(t.cell(r, *c)));
    for (const auto& [name, t] : back.tables) {
        const auto* first = ret.find(name);
        const std::size_t allowed =
            name == "Header" ? children.size() : (first ? first->rows.size() : 0);
        if (first && allowed < t.rows.size())
            __builtin_trap(); // reading the written return made rows out of nothing
    }
    return 0;
}
