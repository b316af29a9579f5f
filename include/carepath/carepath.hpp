#pragma once
/// @file
/// Everything in carepath (but the optional MPI driver, sim/mpi.hpp).
#include "carepath/core.hpp"
#include "carepath/graph.hpp"
#include "carepath/report.hpp"
#include "carepath/sim.hpp"
#include "carepath/ssda903.hpp"
