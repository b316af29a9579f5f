#pragma once
/// @file
/// One table per enum: value, short code and label. `to_string`, `describe`, `from_string`
/// and `all_values` are written once over the table, so every enum prints and parses alike.
#include <array>
#include <cstddef>
#include <optional>
#include <iosfwd>
#include <string_view>
#include <type_traits>

namespace carepath {

/// One row of an enum's table: the value, its code (an SSDA903 code or a snake_case name) and
/// a label in plain words (with the statute where one applies).
template <class E>
struct enum_row {
    E value; ///< The enumerator.
    /// Short code: the SSDA903 code where there is one, else a snake_case name.
    std::string_view code;
    std::string_view label; ///< Plain-words label, citing the statute where one applies.
};

/// Specialise with `static constexpr std::array rows{enum_row<E>{...}, ...};`.
template <class E>
struct enum_table;

/// @brief An enum with a table of rows.
template <class E>
concept tabled_enum = std::is_enum_v<E> && requires { enum_table<E>::rows; };

/// The code of `v` ("C2", "full_sibling"); empty if `v` is not in the table.
template <tabled_enum E>
[[nodiscard]] constexpr std::string_view to_string(E v) noexcept {
    for (const auto& row : enum_table<E>::rows)
        if (row.value == v) return row.code;
    return {};
}

/// The label of `v` in plain words.
template <tabled_enum E>
[[nodiscard]] constexpr std::string_view describe(E v) noexcept {
    for (const auto& row : enum_table<E>::rows)
        if (row.value == v) return row.label;
    return {};
}

/// The value whose code is exactly `code`; nullopt otherwise (codes are case-sensitive:
/// SSDA903 importers decide themselves whether to accept "c2").
template <tabled_enum E>
[[nodiscard]] constexpr std::optional<E> from_string(std::string_view code) noexcept {
    for (const auto& row : enum_table<E>::rows)
        if (row.code == code) return row.value;
    return std::nullopt;
}

/// Every value, in table order.
template <tabled_enum E>
[[nodiscard]] constexpr auto all_values() noexcept {
    constexpr auto n = enum_table<E>::rows.size();
    std::array<E, n> out{};
    for (std::size_t i = 0; i < n; ++i) out[i] = enum_table<E>::rows[i].value;
    return out;
}

/// True when every code in the table is distinct (checked by each enum's test).
template <tabled_enum E>
[[nodiscard]] constexpr bool codes_are_unique() noexcept {
    const auto& rows = enum_table<E>::rows;
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = i + 1; j < rows.size(); ++j)
            if (rows[i].code == rows[j].code || rows[i].value == rows[j].value) return false;
    return true;
}

/// True when the table's values are exactly the enumerators 0 .. n-1, each once: for an enum
/// declared without explicit values this means no enumerator is missing from the table.
template <tabled_enum E>
[[nodiscard]] constexpr bool table_is_dense() noexcept {
    const auto& rows = enum_table<E>::rows;
    for (std::size_t want = 0; want < rows.size(); ++want) {
        std::size_t seen = 0;
        for (const auto& row : rows)
            if (static_cast<std::size_t>(row.value) == want) ++seen;
        if (seen != 1) return false;
    }
    return true;
}

namespace enum_io {
/// Streams a tabled enum as its code. Opt in with `using namespace carepath::enum_io;`.
template <class Traits, tabled_enum E>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os, E v) {
    return os << to_string(v);
}
} // namespace enum_io

} // namespace carepath
