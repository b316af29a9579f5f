#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The carers of one authority: foster households (the authority's supply, with free places
// kept in lists by side of the boundary), agency households found when none is free, kinship
// carers (one relative per family), children's homes, and the authority's own provider of
// each other kind of home, with unlimited places. Approvals and deregistrations of households
// are drawn here; moving the children of a household that stops is the model's.
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/detail/records.hpp"
#include "carepath/sim/rng.hpp"
#include "carepath/sim/scenario.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace carepath::sim::detail {

/// Person numbers of one authority: `authority << 22 | n` for n = 0, 1, ... in order of use.
struct person_numbers {
    std::uint32_t authority = 0;
    std::uint32_t next = 0;
    std::uint32_t operator()() noexcept { return (authority << 22) | (next++ & 0x3fffff); }
};

template <class = void>
class basic_carer_pool {
public:
    basic_carer_pool(const calibration& cal, const scenario& pol, double share, stream rng,
               person_numbers& people)
        : cal_{&cal}, pol_{&pol}, share_{share}, rng_{rng}, people_{&people} {}

    /// The authority's households (from the number of foster carers) and its providers.
    void build() {
        const double households = cal_->foster_carers.value / cal_->carers_per_household.value
                                  * cal_->household_available.value * share_;
        const auto n = static_cast<std::uint32_t>(std::lround(households));
        const double inside = cal_->inside_share.values[0];
        for (std::uint32_t i = 0; i < n; ++i)
            add_household(rng_.bernoulli(inside));
        // the authority's own provider settings: unlimited places, one per kind and side
        for (std::size_t k = 0; k < home_count; ++k)
            for (int side = 0; side < 2; ++side) {
                carer_rec h;
                h.person = (*people_)();
                h.kind = static_cast<home_kind>(k);
                h.unlimited = true;
                h.places = 255;
                h.inside = side == 0;
                carers_.push_back(std::move(h));
                provider_[k][static_cast<std::size_t>(side)] =
                    static_cast<std::uint32_t>(carers_.size() - 1);
            }
    }

    carer_rec& operator[](std::uint32_t i) noexcept { return carers_[i]; }
    const carer_rec& operator[](std::uint32_t i) const noexcept { return carers_[i]; }
    [[nodiscard]] std::uint32_t provider(home_kind k, bool inside) const noexcept {
        return provider_[static_cast<std::size_t>(k)][inside ? 0 : 1];
    }
    /// Whether the child of carer `i` lives inside the authority (a provider's side is its own).
    [[nodiscard]] bool inside(std::uint32_t i, home_kind k) const noexcept {
        return carers_[i].unlimited ? i == provider(k, true) : carers_[i].inside;
    }
    [[nodiscard]] bool has_room(std::uint32_t i) const noexcept {
        return carers_[i].unlimited || carers_[i].used < carers_[i].places;
    }
    stream& rng() noexcept { return rng_; }

    /// A household of the authority's own (`min_places` places at least, up to 4).
    std::uint32_t add_household(bool inside, std::uint32_t min_places = 1) {
        carer_rec h;
        h.person = (*people_)();
        h.kind = home_kind::foster;
        const auto p = rng_.choose(cal_->household_places.values);
        h.places =
            static_cast<std::uint8_t>(std::max<std::uint32_t>(p + 1, std::min(min_places, 4U)));
        h.inside = inside;
        carers_.push_back(std::move(h));
        const auto ci = static_cast<std::uint32_t>(carers_.size() - 1);
        mark_free(ci);
        ++households_;
        return ci;
    }

    /// The rate of approvals and deregistrations together, now: the rate of the first gap and
    /// of every later one (`turnover`). `carer_approvals` counts carers, so approvals of
    /// households are that over `carers_per_household`.
    [[nodiscard]] double turnover_rate() const { return std::max(1e-9, leaving() + approving()); }
    /// Puts `pol` in force from now (the model's scenario from the stock date).
    void set_policy(const scenario& pol) noexcept { pol_ = &pol; }
    /// Days to the next event of a process with `rate_per_year` (at least one).
    std::int32_t next_gap(double rate_per_year) {
        return std::max<std::int32_t>(1, static_cast<std::int32_t>(std::lround(
                                             rng_.exponential(rate_per_year) * days_per_year)));
    }

    struct turnover_result {
        double rate = 0;              // approvals and deregistrations per year, now
        std::uint32_t stopped = none; // the household that stopped fostering, if one did
    };
    /// One approval or deregistration, in proportion to their rates. A household that stops
    /// takes no more children; its children are still listed in it, for the model to move.
    turnover_result turnover() {
        const double leave = leaving();
        const double approve = approving();
        turnover_result out{leave + approve, none};
        if (rng_.uniform() * (leave + approve) < approve) {
            const double inside = pol_->share_inside_home_authority
                                      ? *pol_->share_inside_home_authority
                                      : cal_->inside_share.values[0];
            add_household(rng_.bernoulli(inside));
        } else if (households_ > 0) {
            for (int tries = 0; tries < 8; ++tries) {
                const auto ci = rng_.below(static_cast<std::uint32_t>(carers_.size()));
                auto& h = carers_[ci];
                if (h.unlimited || !h.active || h.kind != home_kind::foster)
                    continue;
                h.active = false;
                mark_full(ci);
                --households_;
                out.stopped = ci;
                break;
            }
        }
        return out;
    }

    void occupy(std::uint32_t ci, std::uint32_t child) {
        auto& h = carers_[ci];
        if (h.unlimited)
            return;
        ++h.used;
        h.children.push_back(child);
        if (h.used >= h.places)
            mark_full(ci);
    }
    void vacate(std::uint32_t ci, std::uint32_t child) {
        if (ci == none)
            return;
        auto& h = carers_[ci];
        if (h.unlimited)
            return;
        if (h.used > 0)
            --h.used;
        auto it = std::find(h.children.begin(), h.children.end(), child);
        if (it != h.children.end())
            h.children.erase(it);
        if (h.kind == home_kind::childrens_home && h.used == 0)
            h.active = false;
        else
            mark_free(ci);
    }

    /// A home of kind `k` for child `c` of family `fam`, inside or outside the authority;
    /// `need` places together (siblings), sought first among the free households (`wide`:
    /// every one, else `sibling_search_households` on each side). Returns the carer's number.
    std::uint32_t find_home(child_rec& c, family_rec& fam, home_kind k, bool inside,
                            std::uint32_t need, bool wide) {
        if (k == home_kind::kinship_foster) {
            // one relative per family: a grandparent if there is one, else another relative
            if (fam.kin != none)
                return fam.kin;
            const auto person = fam.grandparents[0] != none ? fam.grandparents[0] : (*people_)();
            carer_rec h;
            h.person = person;
            h.kind = home_kind::kinship_foster;
            h.unlimited = true; // a relative takes the family's children
            h.inside = inside;
            carers_.push_back(std::move(h));
            fam.kin = static_cast<std::uint32_t>(carers_.size() - 1);
            return fam.kin;
        }
        if (k == home_kind::foster) {
            const auto found = household_with_room(c, inside, need, wide);
            if (found != none)
                return found;
            // none with room: an agency household outside the authority, with room for the
            // whole group only when searching wide; else it has the places it has
            return add_agency_household(wide ? need : 1);
        }
        if (k == home_kind::childrens_home) {
            auto& list = free_[free_list(k, inside)];
            if (!list.empty())
                return list[c.rng.below(static_cast<std::uint32_t>(list.size()))];
            carer_rec h;
            h.person = (*people_)();
            h.kind = k;
            h.places = static_cast<std::uint8_t>(cal_->home_capacity.value);
            h.inside = inside;
            carers_.push_back(std::move(h));
            const auto id = static_cast<std::uint32_t>(carers_.size() - 1);
            mark_free(id);
            return id;
        }
        return provider(k, inside);
    }

    /// A move goes to a different carer than `old`: a redrawn household or home, the provider
    /// on the other side of the boundary, or another relative.
    std::uint32_t avoid(child_rec& c, family_rec& fam, home_kind h, std::uint32_t carer,
                        std::uint32_t old, bool inside) {
        for (int tries = 0; carer == old && tries < 4; ++tries) {
            if (h == home_kind::kinship_foster) {
                fam.kin = none;
                fam.grandparents[0] = none; // the grandparent could not go on caring
            }
            const bool side =
                carers_[old].unlimited && h != home_kind::kinship_foster ? !inside : inside;
            carer = find_home(c, fam, h, side, 1, false);
        }
        if (carer == old) // everything full: a new household outside the authority
            carer = add_agency_household(1);
        return carer;
    }

    /// A free household with `need` places free, on the child's side first: a single child
    /// takes the first drawn; a group is checked against every free household (`wide`) or
    /// `sibling_search_households` drawn on each side. `none` when none is found.
    std::uint32_t household_with_room(child_rec& c, bool inside, std::uint32_t need, bool wide) {
        const auto room = [&](std::uint32_t h) {
            return carers_[h].places - carers_[h].used >= static_cast<int>(need);
        };
        const auto draws = static_cast<std::uint32_t>(
            std::max(1.0, std::round(cal_->sibling_search_households.value)));
        for (bool side : {inside, !inside}) {
            const auto& l = free_[free_list(home_kind::foster, side)];
            if (l.empty())
                continue;
            const auto n = static_cast<std::uint32_t>(l.size());
            if (need <= 1)
                return l[c.rng.below(n)];
            if (wide) {
                const auto first = c.rng.below(n); // from a random place: no household first
                for (std::uint32_t i = 0; i < n; ++i)
                    if (const auto h = l[(first + i) % n]; room(h))
                        return h;
                continue;
            }
            for (std::uint32_t t = 0; t < draws; ++t)
                if (const auto h = l[c.rng.below(n)]; room(h))
                    return h;
        }
        return none;
    }

private:
    // Households that stop fostering a year, and households approved a year (the scenario's
    // recruitment factor applies to approvals only).
    [[nodiscard]] double leaving() const noexcept {
        return households_ * cal_->household_leaving_rate.value;
    }
    [[nodiscard]] double approving() const noexcept {
        return cal_->carer_approvals.value * share_ / cal_->carers_per_household.value
               * pol_->carer_recruitment_factor;
    }
    // Agency places are not the authority's supply: they do not count as its households.
    std::uint32_t add_agency_household(std::uint32_t min_places) {
        const auto h = add_household(false, min_places);
        --households_;
        return h;
    }
    static std::uint32_t free_list(home_kind k, bool inside) noexcept {
        return (k == home_kind::foster ? 0U : 2U) + (inside ? 0U : 1U);
    }
    void mark_free(std::uint32_t ci) {
        auto& h = carers_[ci];
        if (h.unlimited || !h.active || h.used >= h.places || h.free_pos != none)
            return;
        auto& list = free_[free_list(h.kind, h.inside)];
        h.free_pos = static_cast<std::uint32_t>(list.size());
        list.push_back(ci);
    }
    void mark_full(std::uint32_t ci) {
        auto& h = carers_[ci];
        if (h.free_pos == none)
            return;
        auto& list = free_[free_list(h.kind, h.inside)];
        const std::uint32_t last = list.back();
        list[h.free_pos] = last;
        carers_[last].free_pos = h.free_pos;
        list.pop_back();
        h.free_pos = none;
    }

    const calibration* cal_;
    const scenario* pol_;
    double share_;
    stream rng_;
    person_numbers* people_;
    std::vector<carer_rec> carers_;
    std::array<std::vector<std::uint32_t>, 4> free_; // foster and children's homes, by side
    std::array<std::array<std::uint32_t, 2>, home_count> provider_{};
    double households_ = 0; // the authority's own foster households
};
using carer_pool = basic_carer_pool<>;

} // namespace carepath::sim::detail
