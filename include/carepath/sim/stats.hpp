#pragma once
/// @file
/// Small-sample statistics for replicated simulation runs: the mean and standard deviation
/// of replicates' values, a Student's t confidence interval for the mean, and the paired
/// difference of two runs on common random numbers. With 2 to 5 replicates the normal
/// approximation (mean +- 1.96 standard errors) is 30-85% too narrow; t with n - 1 degrees of
/// freedom is exact for normally distributed replicate values and close for the rest.
/// One value gives no interval at all (absent, never zero-width): nothing is known about the
/// spread from one replicate. A value that is NaN or infinite is refused with an exception
/// (`require_finite`): every figure leaves out what it did not measure (an absent optional),
/// so a NaN is a defect upstream, and passed on it would make the mean and interval NaN, which
/// JSON writes as null, the same as "not measured".
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace carepath::sim {

namespace detail {

/// log Gamma(x) for x > 0 by Lanczos' approximation (g = 7, nine terms; relative error
/// about 1e-15). Written here rather than std::lgamma, which on glibc writes the global
/// `signgam` and so is not safe to call from several threads.
[[nodiscard]] inline double log_gamma(double x) noexcept {
    constexpr double g = 7.0;
    constexpr double coefficients[] = {
        0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
        771.32342877765313,   -176.61502916214059,   12.507343278686905,
        -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    if (x < 0.5) // reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x), for 0 < x < 0.5
        return std::log(std::numbers::pi / std::sin(std::numbers::pi * x)) - log_gamma(1.0 - x);
    x -= 1.0;
    double sum = coefficients[0];
    for (int i = 1; i < 9; ++i)
        sum += coefficients[i] / (x + static_cast<double>(i));
    const double t = x + g + 0.5;
    return 0.5 * std::log(2.0 * std::numbers::pi) + (x + 0.5) * std::log(t) - t + std::log(sum);
}

/// The continued fraction of the regularized incomplete beta function (DLMF 8.17.22),
/// evaluated by the modified Lentz method. Converges quickly for x < (a + 1) / (a + b + 2).
[[nodiscard]] inline double beta_continued_fraction(double a, double b, double x) noexcept {
    constexpr double tiny = 1e-300;
    constexpr double epsilon = 1e-16;
    constexpr int max_terms = 100000; // about sqrt(max(a, b)) terms are needed
    double c = 1.0;
    double d = 1.0 - (a + b) * x / (a + 1.0);
    if (std::fabs(d) < tiny)
        d = tiny;
    d = 1.0 / d;
    double f = d;
    for (int m = 1; m <= max_terms; ++m) {
        const double md = static_cast<double>(m);
        // Even step: d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m)).
        double num = md * (b - md) * x / ((a + 2.0 * md - 1.0) * (a + 2.0 * md));
        d = 1.0 + num * d;
        c = 1.0 + num / c;
        if (std::fabs(d) < tiny)
            d = tiny;
        if (std::fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        f *= d * c;
        // Odd step: d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
        num = -(a + md) * (a + b + md) * x / ((a + 2.0 * md) * (a + 2.0 * md + 1.0));
        d = 1.0 + num * d;
        c = 1.0 + num / c;
        if (std::fabs(d) < tiny)
            d = tiny;
        if (std::fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        const double step = d * c;
        f *= step;
        if (std::fabs(step - 1.0) < epsilon)
            break;
    }
    return f;
}

/// The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1.
[[nodiscard]] inline double regularized_beta(double a, double b, double x) noexcept {
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    const double log_front =
        a * std::log(x) + b * std::log1p(-x) + log_gamma(a + b) - log_gamma(a) - log_gamma(b);
    const double front = std::exp(log_front);
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * beta_continued_fraction(a, b, x) / a;
    // I_x(a, b) = 1 - I_{1-x}(b, a): the fraction converges on the other side.
    return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

/// The standard normal quantile, by Newton's method on std::erfc (used for very large df).
[[nodiscard]] inline double normal_quantile(double p) noexcept {
    double z = 0.0;
    for (int i = 0; i < 100; ++i) {
        const double cdf = 0.5 * std::erfc(-z / std::numbers::sqrt2);
        const double pdf = std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
        const double step = (cdf - p) / pdf;
        z -= step;
        if (std::fabs(step) < 1e-15 * (1.0 + std::fabs(z)))
            break;
    }
    return z;
}

// Throws std::invalid_argument when any of the `n` values get(0) .. get(n - 1) (each an
// optional<double>, absent for a value not measured) is present but NaN or infinite, naming
// `what`, how many there are and the first's position (from 1) and value.
template <class Get>
void refuse_non_finite(std::size_t n, Get get, std::string_view what) {
    std::size_t bad = 0;
    std::size_t first = 0;
    double first_value = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::optional<double> v = get(i);
        if (!v || std::isfinite(*v))
            continue;
        if (bad++ == 0) {
            first = i;
            first_value = *v;
        }
    }
    if (bad == 0)
        return;
    const char* text = std::isnan(first_value) ? "NaN" : first_value > 0 ? "inf" : "-inf";
    throw std::invalid_argument{std::string{what} + ": " + std::to_string(bad) + " of "
                                + std::to_string(n) + " values " + (bad == 1 ? "is" : "are")
                                + " not finite (NaN or infinite), the first is value "
                                + std::to_string(first + 1) + " (" + text
                                + "); a figure not measured must be left out, not NaN"};
}

} // namespace detail

/// Refuses replicate values that are not finite: a NaN or infinite value would make every
/// mean and interval computed from them NaN without a word.
/// @throws std::invalid_argument naming `what` (the figure, or the function), how many values
/// are NaN or infinite, and the position (from 1) and value of the first, for example
/// "estimate_mean: 1 of 3 values is not finite (NaN or infinite), the first is value 3 (NaN);
/// ...".
inline void require_finite(std::span<const double> values, std::string_view what) {
    detail::refuse_non_finite(
        values.size(), [&](std::size_t i) { return std::optional<double>{values[i]}; }, what);
}

/// As above, for values some of which were not measured (absent): those are left alone, and
/// the position counts them (replicate i + 1).
inline void require_finite(std::span<const std::optional<double>> values, std::string_view what) {
    detail::refuse_non_finite(values.size(), [&](std::size_t i) { return values[i]; }, what);
}

/// P(T <= t) for Student's t distribution with `df` > 0 degrees of freedom (df need not be a
/// whole number). @throws std::invalid_argument if df is not positive and finite.
[[nodiscard]] inline double student_t_cdf(double t, double df) {
    if (!(df > 0.0) || !std::isfinite(df))
        throw std::invalid_argument{"student_t_cdf: degrees of freedom must be positive"};
    if (std::isnan(t))
        return t;
    // P(|T| > |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2).
    const double tail = 0.5 * detail::regularized_beta(0.5 * df, 0.5, df / (df + t * t));
    return t >= 0.0 ? 1.0 - tail : tail;
}

/// The `p` quantile of Student's t with `df` degrees of freedom: the t with P(T <= t) = p.
/// Solved by Newton's method on student_t_cdf inside a bracket that bisection keeps, so it is
/// accurate to about 1e-12 relative for any df. Above a million degrees of freedom the
/// Cornish-Fisher expansion about the normal quantile (Abramowitz and Stegun 26.7.5) is used;
/// its error there is below 1e-15.
/// @throws std::invalid_argument if p is not in (0, 1) or df is not positive and finite.
[[nodiscard]] inline double student_t_quantile(double p, double df) {
    if (!(p > 0.0 && p < 1.0))
        throw std::invalid_argument{"student_t_quantile: probability must be in (0, 1)"};
    if (!(df > 0.0) || !std::isfinite(df))
        throw std::invalid_argument{"student_t_quantile: degrees of freedom must be positive"};
    if (p < 0.5)
        return -student_t_quantile(1.0 - p, df);
    if (p == 0.5)
        return 0.0;
    if (df > 1e6) {
        const double z = detail::normal_quantile(p);
        const double z2 = z * z;
        return z + z * (z2 + 1.0) / (4.0 * df)
               + z * ((5.0 * z2 + 16.0) * z2 + 3.0) / (96.0 * df * df);
    }
    // Bracket [low, high] with cdf(low) < p <= cdf(high), then Newton steps kept inside it.
    double low = 0.0;
    double high = 1.0;
    while (student_t_cdf(high, df) < p) {
        low = high;
        high *= 2.0;
        if (!std::isfinite(high))
            return std::numeric_limits<double>::infinity();
    }
    const double log_norm = detail::log_gamma(0.5 * (df + 1.0)) - detail::log_gamma(0.5 * df)
                            - 0.5 * std::log(df * std::numbers::pi);
    double t = 0.5 * (low + high);
    for (int i = 0; i < 200; ++i) {
        const double cdf = student_t_cdf(t, df);
        if (cdf < p)
            low = t;
        else
            high = t;
        const double pdf = std::exp(log_norm - 0.5 * (df + 1.0) * std::log1p(t * t / df));
        double next = t - (cdf - p) / pdf;
        if (!(next > low && next < high))
            next = 0.5 * (low + high);
        if (std::fabs(next - t) <= 1e-14 * std::fabs(next) || high - low <= 1e-14 * high)
            return next;
        t = next;
    }
    return t;
}

/// The multiplier of the standard error for a two-sided interval at `level` (0.95 by
/// default) with `df` degrees of freedom: 12.706 at df 1, 2.776 at df 4, 1.960 as df grows.
/// @throws std::invalid_argument if df is 0 or level is not in (0, 1).
[[nodiscard]] inline double t_critical(std::size_t df, double level = 0.95) {
    if (df == 0)
        throw std::invalid_argument{"t_critical: an interval needs at least 1 degree of freedom"};
    if (!(level > 0.0 && level < 1.0))
        throw std::invalid_argument{"t_critical: level must be in (0, 1)"};
    return student_t_quantile(0.5 + 0.5 * level, static_cast<double>(df));
}

/// The arithmetic mean. @throws std::invalid_argument for no values, or for a value that is
/// NaN or infinite (`require_finite`).
[[nodiscard]] inline double sample_mean(std::span<const double> values) {
    if (values.empty())
        throw std::invalid_argument{"sample_mean: no values"};
    require_finite(values, "sample_mean");
    double sum = 0.0;
    for (const double v : values)
        sum += v;
    return sum / static_cast<double>(values.size());
}

/// The sample standard deviation (denominator n - 1); absent for fewer than 2 values.
/// @throws std::invalid_argument for a value that is NaN or infinite (`require_finite`).
[[nodiscard]] inline std::optional<double> sample_sd(std::span<const double> values) {
    require_finite(values, "sample_sd");
    if (values.size() < 2)
        return std::nullopt;
    const double m = sample_mean(values);
    double squares = 0.0;
    for (const double v : values)
        squares += (v - m) * (v - m);
    return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

/// A two-sided confidence interval `[low, high]` for a mean.
struct confidence_interval {
    double low = 0.0; ///< lower end
    double high = 0.0; ///< upper end
    double level = 0.95; ///< the nominal coverage
    /// Half the interval's width: the "+/-" of a reported mean.
    [[nodiscard]] double half_width() const noexcept { return 0.5 * (high - low); }
    /// Same ends, same level.
    friend bool operator==(const confidence_interval&, const confidence_interval&) = default;
};

/// The replicates' values summarised: how many, their mean, their standard deviation and
/// the t interval for the mean. `mean` is absent for no values; `sd` and `interval` for
/// fewer than 2.
struct estimate {
    std::size_t count = 0; ///< number of values summarised
    std::optional<double> mean; ///< their mean
    std::optional<double> sd; ///< their sample standard deviation (n - 1)
    std::optional<confidence_interval> interval; ///< t interval for the mean
    /// Equal in every field.
    friend bool operator==(const estimate&, const estimate&) = default;
};

/// The mean of `values` with its Student's t interval at `level`, on values.size() - 1
/// degrees of freedom. Identical values give a zero-width interval, which is then true (the
/// replicates did not vary); one value gives none. A caller leaves out a value not measured;
/// it never passes one as NaN.
/// @throws std::invalid_argument for a value that is NaN or infinite (`require_finite`: the
/// message gives how many and where the first is; callers that know the figure check first
/// with its name).
[[nodiscard]] inline estimate estimate_mean(std::span<const double> values, double level = 0.95) {
    require_finite(values, "estimate_mean");
    estimate e;
    e.count = values.size();
    if (values.empty())
        return e;
    e.mean = sample_mean(values);
    e.sd = sample_sd(values);
    if (e.sd) {
        const double se = *e.sd / std::sqrt(static_cast<double>(values.size()));
        const double half = t_critical(values.size() - 1, level) * se;
        e.interval =
            confidence_interval{.low = *e.mean - half, .high = *e.mean + half, .level = level};
    }
    return e;
}

/// Per-replicate differences `scenario[i] - baseline[i]`, for replicates in which both runs
/// measured the figure. Replicate i of each run shares its random numbers (common random
/// numbers), so these differences vary much less than the two runs do apart.
/// @throws std::invalid_argument if the two runs have different numbers of replicates, or
/// either has a value that is NaN or infinite (`require_finite`, by replicate).
[[nodiscard]] inline std::vector<double>
paired_differences(std::span<const std::optional<double>> scenario,
                   std::span<const std::optional<double>> baseline) {
    if (scenario.size() != baseline.size())
        throw std::invalid_argument{"paired_differences: the runs have different numbers of "
                                    "replicates"};
    require_finite(scenario, "paired_differences: scenario");
    require_finite(baseline, "paired_differences: baseline");
    std::vector<double> out;
    out.reserve(scenario.size());
    for (std::size_t i = 0; i < scenario.size(); ++i)
        if (scenario[i] && baseline[i])
            out.push_back(*scenario[i] - *baseline[i]);
    return out;
}

/// The paired difference (scenario minus baseline) with its t interval: the mean of the
/// per-replicate differences and a one-sample t interval on them, with (pairs - 1) degrees
/// of freedom. @throws std::invalid_argument if the runs' replicate counts differ or a value is
/// NaN or infinite.
[[nodiscard]] inline estimate paired_difference(std::span<const std::optional<double>> scenario,
                                                std::span<const std::optional<double>> baseline,
                                                double level = 0.95) {
    const auto d = paired_differences(scenario, baseline);
    return estimate_mean(d, level);
}

/// As above, for runs that measured the figure in every replicate.
[[nodiscard]] inline estimate paired_difference(std::span<const double> scenario,
                                                std::span<const double> baseline,
                                                double level = 0.95) {
    if (scenario.size() != baseline.size())
        throw std::invalid_argument{"paired_difference: the runs have different numbers of "
                                    "replicates"};
    require_finite(scenario, "paired_difference: scenario");
    require_finite(baseline, "paired_difference: baseline");
    std::vector<double> d(scenario.size());
    for (std::size_t i = 0; i < d.size(); ++i)
        d[i] = scenario[i] - baseline[i];
    return estimate_mean(d, level);
}

} // namespace carepath::sim
