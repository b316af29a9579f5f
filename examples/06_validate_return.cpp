// Example 06: validating an SSDA903 return and reading its findings.
//
// What you learn: how to run the DfE validation rules of a collection year over a return, and
// how to read what comes back: each finding names the rule, the file and line, the child, the
// fields the rule reads, the cell as it was written and the DfE message. A finding is a
// question for whoever keeps the records; the return itself is never changed.
#include <carepath/ssda903.hpp>
#include <carepath/ssda903/validate.hpp> // not in ssda903.hpp

#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {
// A small 2024-25 return with mistakes a case worker might make: a sex code that does not
// exist, an episode that ends before it starts, and an ending with no reason.
const char* header_csv = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                         "201,F,14/02/2014,WBRI,A123456789012,0,\n"
                         "202,X,03/09/2011,BAFR,UN4,,\n";
const char* episodes_csv =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    "URN\n"
    "201,10/05/2024,S,C2,N1,U4,PR1,01/04/2024,X1,PLACE,M14 5AH,M2 3LG,XXXXXXX\n"
    "202,01/05/2024,S,V2,N4,U6,PR4,01/07/2024,,,M8 8QD,M2 3LG,XXXXXXX\n";
} // namespace

int main() {
    using namespace carepath;
    using namespace carepath::ssda903;

    return_data ret;
    ret.collection_year = 2025;
    std::istringstream h{header_csv}, e{episodes_csv};
    for (auto* in : {&h, &e}) {
        table t = read_table(*in, in == &h ? "header.csv" : "episodes.csv", "", ret.read_errors, 2025);
        ret.tables.emplace(t.name, std::move(t));
    }

    // One call runs every rule carepath implements for the year. Without a local authority's
    // code the two rules that compare the placing authority with it are skipped.
    const auto report = validate(ret, {.year = 2025, .local_authority = {}});
    std::cout << "Validated against " << report.rules_run << " rules of " << report.year - 1 << "-"
              << report.year % 100 << ": " << report.findings.size() << " findings.\n\n";

    // Each finding says where to look and why.
    for (const auto& f : report.findings) {
        std::cout << "Rule " << f.rule << ", " << f.file << " line " << f.line << ", child " << f.child
                  << ":\n  " << f.message << "\n  fields " << f.fields << "; the first, as written: '"
                  << f.value << "'\n";
    }

    // The same finding as a diagnostic, in the one-line form every carepath error takes.
    if (!report.findings.empty())
        std::cout << "\nAs a diagnostic: " << to_string(report.findings.front().to_diagnostic()) << '\n';

    // A summary a team can act on: findings per child.
    std::map<std::string, int> per_child;
    for (const auto& f : report.findings) ++per_child[f.child];
    std::cout << "\nFindings per child:\n";
    for (const auto& [child, n] : per_child) std::cout << "  " << child << ": " << n << '\n';
}
