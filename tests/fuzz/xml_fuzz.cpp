// libFuzzer target: the SSDA903 XML reader. Any bytes give a return and diagnostics, never a
// crash or a hang; every diagnostic names the file, and every row read keeps its line.
#include "carepath/ssda903/xml.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

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
            if (r.cells.size() != t.columns.size())
                __builtin_trap();
    (void)doc;
    return 0;
}
