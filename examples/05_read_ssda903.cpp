// What you learn here: how to read an SSDA903 return (the children-looked-after data every
// council in England sends the DfE), how the reader reports messy cells without changing them,
// how episodes become care histories in which a change of placement type with the same carer
// (RNE T or U) is not a move, and how to compute the placement-stability indicators.
#include <carepath/ssda903.hpp>

#include <iostream>
#include <sstream>
#include <string>

namespace {
// A tiny return for 2024-25. Real returns come as a folder of CSV files: read_return(dir, year).
const char* header_csv = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                         "101,F,14/02/2014,WBRI,A123456789012,0,\n"
                         "102.0,M,03/09/2011,BAFR,UN4,,\n";
const char* episodes_csv =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    "URN\n"
    "101,10/01/2022,S,C1,N1,U6,PR1,01/06/2022,X1,PLACE,M14 5AH,M2 3LG,XXXXXXX\n"
    "101,01/06/2022,L,C2,N1,U6,PR1,01/09/2023,X1,PLACE,M14 5AH,M2 3LG,XXXXXXX\n"
    "101,01/09/2023,T,C2,N1,U4,PR1,15/11/2024,X1,PLACE,M14 5AH,M2 3LG,XXXXXXX\n"
    "101,15/11/2024,U,E1,N1,A5,PR1,,,,M14 5AH,M2 3LG,XXXXXXX\n"
    "102,01/05/2024,S,V2,N4,U6,PR4,01/07/2024,X1,CREQB,M8 8QD,M2 3LG,1234567\n"
    "102,01/07/2024,P,V2,N4,k2,PR4,01/02/2025,E4A,,M8 8QD,LS1 4GG,1234568\n";
} // namespace

int main() {
    using namespace carepath;
    using namespace carepath::ssda903;

    // 1. Read the tables. Each is recognised by its column names, not its file name.
    return_data ret;
    ret.collection_year = 2025;
    std::istringstream h{header_csv}, e{episodes_csv};
    for (auto* in : {&h, &e}) {
        table t =
            read_table(*in, in == &h ? "header.csv" : "episodes.csv", "", ret.read_errors, 2025);
        std::cout << "Read " << t.file << " as the " << t.name << " table: " << t.rows.size()
                  << " rows.\n";
        ret.tables.emplace(t.name, std::move(t));
    }

    // 2. Messy cells are kept as written; the reader says what it noticed.
    std::cout << "\nThe reader noticed " << ret.read_errors.size() << " things:\n";
    for (const auto& d : ret.read_errors)
        std::cout << "  " << d << '\n';

    // 3. Episodes become care histories.
    const auto mapped = map_return(ret, {.home_districts = {"M14", "M2", "M8"}});
    std::cout << '\n';
    for (const auto& child : mapped.children) {
        const auto& hist = child.history;
        std::cout << "Child " << child.id << " had " << hist.placements().size()
                  << " placements and " << hist.moves().size()
                  << (hist.moves().size() == 1 ? " move" : " moves") << " of home";
        if (hist.in_care())
            std::cout << ", and is still in care";
        else if (hist.periods().back().exit)
            std::cout << ", and left care (" << describe(*hist.periods().back().exit) << ")";
        std::cout << ".\n";
    }
    const auto* amira = mapped.find("101");
    std::cout << "Child 101's foster carers became her adopters: the changes on "
              << format_uk(amira->history.transitions()[0].on) << " (T) and "
              << format_uk(amira->history.transitions()[1].on)
              << " (U) kept the same carer, so they are not moves.\n";

    // 4. The stability indicators of the year.
    std::cout << '\n' << compute_indicators(mapped, 2025);

    // 5. Writing the tables back gives the same rows and values.
    std::ostringstream out;
    write_table(out, *ret.find("Episodes"));
    std::cout << "\nWritten back, the Episodes table is "
              << (out.str() == episodes_csv ? "identical to" : "different from")
              << " what was read.\n";
}
