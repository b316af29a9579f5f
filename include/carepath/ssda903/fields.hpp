#pragma once
/// @file
/// The layout of each SSDA903 table: its columns, what each holds and which code list applies.
/// Source: the column lists of data-to-insight/csc-validator-be-903
/// (`lac_validator/config.py`). Files may put the columns in any order; tables are recognised by
/// their column names (`identify_table` in reader.hpp), never by file name.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace carepath::ssda903 {

/// What a column holds, which decides how the reader checks a non-blank cell.
enum class field_type : std::uint8_t {
    child_id,     ///< the authority's child identifier, the join key of every table
    date,         ///< dd/mm/yyyy
    partial_date, ///< dd/mm/yyyy, where day and month may be "zz" when unknown (DATE_PERM)
    code,         ///< one of a code list (codes.hpp)
    integer,      ///< a whole number in [min, max]
    text          ///< free text checked by the validation rules, not the reader (UPN, postcodes)
};

/// One column of a table.
struct field_spec {
    std::string_view name; ///< column header, e.g. "DECOM"
    field_type type = field_type::text; ///< how the reader checks the cells
    std::string_view codes_table{}; ///< for codes: the code list's table in codes.hpp
    std::string_view codes_field{}; ///< ... and field (UASC.SEX uses Header.SEX)
    int min = 0;                    ///< for integers
    int max = 0; ///< for integers
    bool optional = false; ///< may be absent from a CSV file without an error
};

/// The columns of one table.
struct table_spec {
    std::string_view name;              ///< "Episodes"
    std::span<const field_spec> fields; ///< in the DfE's order (which the writer uses)
};

namespace detail {
using ft = field_type;
constexpr field_spec id_col{"CHILD", ft::child_id};
constexpr field_spec dob_col{"DOB", ft::date};
constexpr field_spec date_col(std::string_view n) {
    return {n, ft::date};
}
constexpr field_spec code_col(std::string_view t, std::string_view n) {
    return {n, ft::code, t, n};
}
constexpr field_spec text_col(std::string_view n) {
    return {n, ft::text};
}

inline constexpr std::array header_fields{
    id_col, code_col("Header", "SEX"), dob_col, code_col("Header", "ETHNIC"), text_col("UPN"),
    code_col("Header", "MOTHER"), date_col("MC_DOB"),
    // The XML form carries a UASC flag in the header; CSV files do not.
    field_spec{"UASC", ft::code, "Header", "UASC", 0, 0, true}};
inline constexpr std::array episodes_fields{id_col,
                                            date_col("DECOM"),
                                            code_col("Episodes", "RNE"),
                                            code_col("Episodes", "LS"),
                                            code_col("Episodes", "CIN"),
                                            code_col("Episodes", "PLACE"),
                                            code_col("Episodes", "PLACE_PROVIDER"),
                                            date_col("DEC"),
                                            code_col("Episodes", "REC"),
                                            code_col("Episodes", "REASON_PLACE_CHANGE"),
                                            text_col("HOME_POST"),
                                            text_col("PL_POST"),
                                            text_col("URN")};
inline constexpr std::array uasc_fields{id_col, field_spec{"SEX", ft::code, "Header", "SEX"},
                                        dob_col, date_col("DUC")};
inline constexpr std::array reviews_fields{id_col, dob_col, date_col("REVIEW"),
                                           code_col("Reviews", "REVIEW_CODE")};
inline constexpr std::array missing_fields{id_col, dob_col, code_col("Missing", "MISSING"),
                                           date_col("MIS_START"), date_col("MIS_END")};
inline constexpr std::array oc2_fields{id_col,
                                       dob_col,
                                       field_spec{"SDQ_SCORE", ft::integer, {}, {}, 0, 40},
                                       code_col("OC2", "SDQ_REASON"),
                                       code_col("OC2", "CONVICTED"),
                                       code_col("OC2", "HEALTH_CHECK"),
                                       code_col("OC2", "IMMUNISATIONS"),
                                       code_col("OC2", "TEETH_CHECK"),
                                       code_col("OC2", "HEALTH_ASSESSMENT"),
                                       code_col("OC2", "SUBSTANCE_MISUSE"),
                                       code_col("OC2", "INTERVENTION_RECEIVED"),
                                       code_col("OC2", "INTERVENTION_OFFERED")};
inline constexpr std::array oc3_fields{id_col, dob_col, code_col("OC3", "IN_TOUCH"),
                                       code_col("OC3", "ACTIV"), code_col("OC3", "ACCOM")};
inline constexpr std::array ad1_fields{id_col,
                                       dob_col,
                                       date_col("DATE_INT"),
                                       date_col("DATE_MATCH"),
                                       code_col("AD1", "FOSTER_CARE"),
                                       code_col("AD1", "NB_ADOPTR"),
                                       code_col("AD1", "SEX_ADOPTR"),
                                       code_col("AD1", "LS_ADOPTR")};
inline constexpr std::array placed_adoption_fields{
    id_col, dob_col, date_col("DATE_PLACED"), date_col("DATE_PLACED_CEASED"),
    code_col("PlacedAdoption", "REASON_PLACED_CEASED")};
inline constexpr std::array prev_perm_fields{id_col, dob_col, code_col("PrevPerm", "PREV_PERM"),
                                             text_col("LA_PERM"),
                                             field_spec{"DATE_PERM", ft::partial_date}};
inline constexpr std::array sw_episodes_fields{id_col,
                                               dob_col,
                                               text_col("SW_ID"),
                                               date_col("SW_DECOM"),
                                               date_col("SW_DEC"),
                                               code_col("SWEpisodes", "SW_REASON")};
inline constexpr std::array dolo_fields{id_col, dob_col, date_col("DOLO_START"),
                                        date_col("DOLO_END")};
} // namespace detail

/// Every table of the return. SWEpisodes is collected from 2023-24, DoLo from 2026-27.
inline constexpr std::array<table_spec, 12> table_specs{{
    {"Header", detail::header_fields},
    {"Episodes", detail::episodes_fields},
    {"UASC", detail::uasc_fields},
    {"Reviews", detail::reviews_fields},
    {"Missing", detail::missing_fields},
    {"OC2", detail::oc2_fields},
    {"OC3", detail::oc3_fields},
    {"AD1", detail::ad1_fields},
    {"PlacedAdoption", detail::placed_adoption_fields},
    {"PrevPerm", detail::prev_perm_fields},
    {"SWEpisodes", detail::sw_episodes_fields},
    {"DoLo", detail::dolo_fields},
}};

/// The layout of table `name` ("Episodes"; a previous year's "Episodes_last" finds the same
/// layout), or nullptr for a name that is not an SSDA903 table.
[[nodiscard]] constexpr const table_spec* find_table_spec(std::string_view name) noexcept {
    if (name.ends_with("_last"))
        name.remove_suffix(5);
    for (const auto& t : table_specs)
        if (t.name == name)
            return &t;
    return nullptr;
}

/// The spec of column `column` in `table`, or nullptr.
[[nodiscard]] constexpr const field_spec* find_field(const table_spec& table,
                                                     std::string_view column) noexcept {
    for (const auto& f : table.fields)
        if (f.name == column)
            return &f;
    return nullptr;
}

} // namespace carepath::ssda903
