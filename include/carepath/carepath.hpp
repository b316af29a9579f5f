#pragma once
/// @file
/// The light core of every module, in one header: core's types, the relationship graph,
/// reading, mapping and writing SSDA903 returns, the simulation engine and the care-history
/// report. To keep a file that includes it cheap to compile (issue 14), it leaves out the rest
/// of each module; include a module's umbrella header for the whole module
/// (`carepath/graph.hpp`: sibling groups, continuity, fragile links; `carepath/ssda903.hpp`:
/// indicators, de-identifying, relationship records; `carepath/sim.hpp`: forecasts, costs,
/// outcomes, published figures; `carepath/report.hpp`: charts and exports), and the heavy
/// headers those umbrellas name yourself (validation: `carepath/ssda903/validate.hpp`; the
/// simulation report: `carepath/report/simulation.hpp`; Graphviz: `carepath/graph/graphviz.hpp`;
/// the MPI driver: `carepath/sim/mpi.hpp`). See docs/benchmarks.md, "Compile cost".
#include "carepath/core.hpp"
#include "carepath/graph/relationship_graph.hpp"
#include "carepath/report/care_report.hpp"
#include "carepath/sim/engine.hpp"
#include "carepath/ssda903/mapping.hpp"
#include "carepath/ssda903/writer.hpp"
