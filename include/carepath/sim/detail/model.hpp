#pragma once
// Private to carepath::sim: an implementation detail, not part of the API.
// The model of one local authority, put together from its parts (docs/simulation.md has the
// map of which part owns which state and which events):
//   records.hpp      children, families, carers, workers, ties; the run's input and result
//   event_queue.hpp  the per-day event queue
//   hazards.hpp      the rates and mappings, as pure functions
//   carer_pool.hpp   carers, free places, providers, households
//   cohort_logs.hpp  exits, placements and re-entry windows, read back as cohort measures
//   authority.hpp    the model's state and the run loop
//   stock.hpp        the starting stock (fitted and drawn, or given)
//   entries.hpp      families, children, arrivals and placing them
//   moves.hpp        the next event, legal changes, moves of home, carers stopping
//   exits.hpp        leaving care, following after care, the 31 March count
//   people.hpp       social workers, ties and contacts, kept children's events logged
//   history_log.hpp  the kept children's events, built into care histories when the run ends
#include "carepath/sim/detail/authority.hpp"
#include "carepath/sim/detail/entries.hpp"
#include "carepath/sim/detail/exits.hpp"
#include "carepath/sim/detail/moves.hpp"
#include "carepath/sim/detail/people.hpp"
#include "carepath/sim/detail/stock.hpp"
