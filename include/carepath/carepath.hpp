#pragma once
/// @file
/// Every module's umbrella header. Not included: the optional MPI driver (sim/mpi.hpp) and
/// the heavy optional headers an umbrella's comment names (graph.hpp: the Graphviz writer and
/// time-respecting reachability). For a cheaper compile, include only the modules you use
/// (docs/benchmarks.md, "Compile cost").
#include "carepath/core.hpp"
#include "carepath/graph.hpp"
#include "carepath/report.hpp"
#include "carepath/sim.hpp"
#include "carepath/ssda903.hpp"
