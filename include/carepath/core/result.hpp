#pragma once
/// @file
/// Data errors as values. g++ 12 has no std::expected, so `result<T>` is a small wrapper over
/// std::variant<T, diagnostic>.
///
/// The rule (docs/design.md): bad *input* (a file, a cell, a CLI string, an event that breaks a
/// domain rule) is returned as a `diagnostic`; a *programming* error (a broken precondition, such
/// as asking for the value of a failed result) throws.
#include "carepath/core/enum_table.hpp"

#include <cstdint>
#include <cstddef>
#include <iosfwd> // operator<< is a template: its body needs <ostream> only where it is used
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace carepath {

/// Misuse of the library by the calling code, not bad data.
class contract_violation : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

/// How bad a diagnostic is. A warning rejects nothing: the input was read as written (or as
/// the message says) and the result is usable; an error means some input could not be read
/// as written.
enum class severity : std::uint8_t { error, warning };

/// Codes and labels of `severity`.
template <>
struct enum_table<severity> {
    /// One row per enumerator: value, code, label.
    static constexpr std::array rows{
        enum_row<severity>{severity::error, "error", "input that could not be read as written"},
        enum_row<severity>{severity::warning, "warning", "input read, with a remark"}};
};

/// What was wrong with a piece of input, and where.
struct diagnostic {
    std::string file{};    ///< "episodes.csv"; empty when not from a file
    std::size_t line = 0;   ///< 1-based; the header row is line 1; 0 when not known
    std::size_t column = 0; ///< 1-based column (field position); 0 when not known
    std::string field{};   ///< "DECOM"
    std::string value{};   ///< exactly as read: "31/02/2023"
    std::string message{}; ///< "not a calendar date"
    std::string rule{};    ///< DfE rule code when one applies, else empty
    /// error, or warning when the input was still read
    carepath::severity severity = severity::error;

    /// True for a warning: the input was read and the result is usable.
    [[nodiscard]] bool is_warning() const noexcept { return severity == severity::warning; }

    /// Equal in every field.
    friend bool operator==(const diagnostic&, const diagnostic&) = default;
};

/// The diagnostic as one line of text: `episodes.csv:14: DECOM="31/02/2023": not a calendar
/// date`; a value without a field as `"31/02/2023": ...`, a warning with `warning: ` before its
/// message.
[[nodiscard]] inline std::string to_string(const diagnostic& d) {
    std::string out;
    if (!d.file.empty()) {
        out += d.file;
        if (d.line != 0) out += ':' + std::to_string(d.line);
        if (d.column != 0) out += ':' + std::to_string(d.column);
        out += ": ";
    }
    if (!d.rule.empty()) out += '[' + d.rule + "] ";
    if (!d.field.empty())
        out += d.field + "=\"" + d.value + "\": ";
    else if (!d.value.empty())
        out += '"' + d.value + "\": ";
    if (d.severity == severity::warning) {
        out += to_string(d.severity);
        out += ": ";
    }
    return out += d.message;
}

/// Prints `to_string(d)`.
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os, const diagnostic& d) {
    return os << to_string(d);
}

/// A diagnostic with only a message (for domain rule breaks not tied to a file).
[[nodiscard]] inline diagnostic error_message(std::string message) {
    diagnostic d;
    d.message = std::move(message);
    return d;
}

/// Either a value or the diagnostic saying why there is none.
template <class T>
class result {
public:
    // Implicit on purpose: `return value;` and `return diagnostic{...};` both read naturally.
    /// A result holding `value`.
    result(T value) : v_{std::in_place_index<0>, std::move(value)} {}           // NOLINT
    /// A result holding the diagnostic `error` instead of a value.
    result(diagnostic error) : v_{std::in_place_index<1>, std::move(error)} {}  // NOLINT

    /// True when the result holds a value.
    [[nodiscard]] bool ok() const noexcept { return v_.index() == 0; }
    /// Same as `ok()`.
    explicit operator bool() const noexcept { return ok(); }

    /// @throws contract_violation if the result holds an error.
    [[nodiscard]] const T& value() const& { return check(), std::get<0>(v_); }
    /// The value, to modify in place. @throws contract_violation if the result holds an error.
    [[nodiscard]] T& value() & { return check(), std::get<0>(v_); }
    /// The value, moved out. @throws contract_violation if the result holds an error.
    [[nodiscard]] T&& value() && { return check(), std::get<0>(std::move(v_)); }
    /// Same as `value()`.
    [[nodiscard]] const T& operator*() const& { return value(); }
    /// Same as `value()`.
    [[nodiscard]] T& operator*() & { return value(); }
    /// Member access on the value. @throws contract_violation if the result holds an error.
    [[nodiscard]] const T* operator->() const { return &value(); }

    /// @throws contract_violation if the result holds a value.
    [[nodiscard]] const diagnostic& error() const& {
        if (ok()) throw contract_violation{"result::error() called on a value"};
        return std::get<1>(v_);
    }

    /// The value, or `fallback` converted to `T` when the result holds an error.
    template <class U>
    [[nodiscard]] T value_or(U&& fallback) const& {
        return ok() ? std::get<0>(v_) : static_cast<T>(std::forward<U>(fallback));
    }

private:
    void check() const {
        if (!ok())
            throw contract_violation{"result::value() called on an error: "
                                     + to_string(std::get<1>(v_))};
    }
    std::variant<T, diagnostic> v_;
};

/// Success with nothing to return.
struct ok_t {
    /// All `ok_t` are equal.
    friend bool operator==(ok_t, ok_t) = default;
};
/// The value to return for success from a function returning `status`.
inline constexpr ok_t ok{};

/// The result of an operation that returns nothing but may be refused.
using status = result<ok_t>;

} // namespace carepath
