// Example 11: embedding carepath in a case system.
//
// What you learn: how a case system keeps its own records and uses carepath's types only at the
// edge: adapt its rows to carepath events (each refusal names the row and why), ask carepath
// the questions (moves, time in care), and adapt the answers back to the system's own shape.
// Only carepath::core is needed: the standard library and nothing else.
#include <carepath/core.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace cms {
// The case system's own records, as it already holds them: text dates, its own codes.
struct placement_row {
    std::string child_ref; // "C-0042"
    std::string start;     // "dd/mm/yyyy"
    std::string carer_ref; // "FC-17"
    std::string kind;      // the system's own word for the placement
};
// What the system wants back: one line per move for its own move register.
struct move_entry {
    std::string child_ref;
    std::string date;
    std::string from_carer;
    std::string to_carer;
};
} // namespace cms

namespace {
using namespace carepath;

// The adapter: the case system's words to SSDA903 placement types, and carer refs to ids.
result<placement_type> type_of(const std::string& kind) {
    if (kind == "foster") return placement_type::U4;
    if (kind == "kinship") return placement_type::U1;
    if (kind == "home") return placement_type::K2;
    return diagnostic{.field = "kind", .value = kind, .message = "no SSDA903 placement type for this kind"};
}
carer_id carer_of(const std::string& ref) { return carer_id{static_cast<std::uint32_t>(std::stoul(ref.substr(3)))}; }
std::string ref_of(carer_id c) { return "FC-" + std::to_string(c.value()); }

// Rows to a care history. The first row is the entry to care; each later row a change of
// placement. A row carepath cannot take is reported with its number and left out.
care_history adapt(const child& c, const std::vector<cms::placement_row>& rows) {
    care_history h{c};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const auto day = parse_uk_date(r.start);
        const auto type = type_of(r.kind);
        if (!day || !type) {
            auto d = !day ? day.error() : type.error();
            d.file = "placements";
            d.line = i + 1;
            std::cout << "  not taken: " << to_string(d) << '\n';
            continue;
        }
        const auto where = placement::with_carer(*type, carer_of(r.carer_ref));
        const auto added = i == 0 ? h.add(entered_care{*day, legal_status::care_order, where})
                                  : h.add(placement_changed{*day, where, change_reason::care_plan});
        if (!added) std::cout << "  row " << i + 1 << " refused: " << added.error().message << '\n';
    }
    return h;
}
} // namespace

int main() {
    const std::vector<cms::placement_row> rows{
        {"C-0042", "03/01/2023", "FC-17", "foster"},
        {"C-0042", "31/02/2023", "FC-18", "foster"}, // a typing slip the system let through
        {"C-0042", "14/03/2023", "FC-18", "foster"},
        {"C-0042", "14/03/2023", "FC-21", "respite"}, // a word the adapter does not know
        {"C-0042", "02/10/2023", "FC-18", "kinship"}, // same carer, now approved as kinship
        {"C-0042", "05/02/2024", "FC-30", "foster"},
    };

    child c;
    c.id = child_id{42};
    c.as_person = person_id{42};
    c.birth_date = *make_date(2012, 6, 30);
    std::cout << "Adapting C-0042's " << rows.size() << " placement rows:\n";
    const auto h = adapt(c, rows);

    // The questions carepath answers, in its own types.
    std::cout << "\ncarepath holds " << h.placements().size() << " placements and "
              << h.moves().size() << " moves; in care " << h.time_in_care(*make_date(2024, 3, 31)).count()
              << " days by 31/03/2024.\n";

    // And back to the case system's shape: its move register.
    std::vector<cms::move_entry> register_;
    for (const auto& m : h.moves())
        register_.push_back({"C-0042", format_uk(m.on), ref_of(*h.placements()[m.from].where.carer),
                             ref_of(*h.placements()[m.to].where.carer)});
    std::cout << "\nThe move register the case system stores:\n";
    for (const auto& e : register_)
        std::cout << "  " << e.child_ref << "  " << e.date << "  " << e.from_carer << " -> " << e.to_carer << '\n';
    // A change of placement type with the same carer is a new placement but not a move.
    for (const auto& t : h.transitions())
        if (!t.is_move)
            std::cout << "\nThe change on " << format_uk(t.on) << " to "
                      << describe(h.placements()[t.to].where.type) << " kept the same carer ("
                      << ref_of(*h.placements()[t.to].where.carer) << "), so it is not a move.\n";
}
