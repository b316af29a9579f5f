// Example 10: a validation rule of your own.
//
// What you learn: how the DfE rules are built (a read-only `context` over the return, a check
// function, a `sink` that turns rows into findings), and how to write a local check the same
// way and run it beside the DfE rules. The local check here: a child under 12 placed in a
// children's home (PLACE K2), which many authorities review; it is a local policy, not a DfE
// rule, so it has its own code.
#include <carepath/core/dates.hpp>
#include <carepath/ssda903.hpp>
#include <carepath/ssda903/validate.hpp> // not in ssda903.hpp

#include <iostream>
#include <sstream>
#include <vector>

namespace {
using namespace carepath;
using namespace carepath::ssda903;

// The local rule's catalogue entry: a code, the tables and fields it reads, the years it applies
// to and its message, exactly as the DfE rules carry theirs.
constexpr catalogue_entry under_12_entry{"LOCAL1", "Episodes;Header", "PLACE;DECOM", 2023, 2027,
                                         "Child under 12 placed in a children's home: review"};

// The check reads only the context; dates are already parsed, rows already grouped by child.
void under_12_in_childrens_home(const context& ctx, const sink& out) {
    for (const auto& e : ctx.episodes()) {
        if (ctx.get(e, ep::place) != "K2" || !e.decom) continue;
        const auto dob = ctx.dob_of(e.child);
        if (dob && age_on(*dob, *e.decom) < 12) out.add(ctx, e);
    }
}

const char* header_csv = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                         "301,M,02/06/2015,WBRI,A123456789013,,\n"
                         "302,F,20/01/2009,MWBC,A123456789014,,\n";
const char* episodes_csv =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    "URN\n"
    "301,12/08/2024,S,C2,N1,K2,PR4,,,,M14 5AH,M2 3LG,SC123456\n"
    "302,03/09/2024,S,C2,N1,K2,PR4,,,,M8 8QD,M2 3LG,SC123456\n";
} // namespace

int main() {
    return_data ret;
    ret.collection_year = 2025;
    std::istringstream h{header_csv}, e{episodes_csv};
    for (auto* in : {&h, &e}) {
        table t = read_table(*in, in == &h ? "header.csv" : "episodes.csv", "", ret.read_errors, 2025);
        ret.tables.emplace(t.name, std::move(t));
    }

    // The DfE rules of the year.
    auto findings = validate(ret, {.year = 2025, .local_authority = {}}).findings;
    std::cout << "The DfE rules found " << findings.size()
              << (findings.size() == 1 ? " thing.\n" : " things.\n");

    // The local rule: build the context once (as validate does), run the check into a sink.
    const rule local{.code = under_12_entry.code, .check = &under_12_in_childrens_home};
    std::vector<finding> local_findings;
    if (local.applies_in(2025)) {
        const context ctx{ret, 2025};
        local.check(ctx, sink{under_12_entry, local_findings});
    }
    std::cout << "The local rule " << local.code << " found " << local_findings.size() << ":\n";
    for (const auto& f : local_findings)
        std::cout << "  " << f.file << " line " << f.line << ", child " << f.child << ": " << f.message
                  << " (PLACE '" << f.value << "')\n";

    // Its findings are ordinary findings: they sort, print and export like the DfE's.
    findings.insert(findings.end(), local_findings.begin(), local_findings.end());
    std::cout << "\nAll findings, in the one-line form:\n";
    for (const auto& f : findings) std::cout << "  " << to_string(f.to_diagnostic()) << '\n';
}
