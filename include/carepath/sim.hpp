#pragma once
/// @file
/// carepath sim module (umbrella header): the microsimulation of care careers with
/// relationships, calibrated to England. Leaves out sim/mpi.hpp (opt-in, needs Boost.MPI).
#include "carepath/core.hpp"
#include "carepath/sim/backtest.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/costs.hpp"
#include "carepath/sim/engine.hpp"
#include "carepath/sim/fit.hpp"
#include "carepath/sim/forecast.hpp"
#include "carepath/sim/markov.hpp"
#include "carepath/sim/outcomes.hpp"
#include "carepath/sim/published.hpp"
#include "carepath/sim/rng.hpp"
#include "carepath/sim/scenario.hpp"
#include "carepath/sim/stats.hpp"
#include "carepath/sim/summary.hpp"
#include "carepath/sim/sweep.hpp"
#include "carepath/sim/sweep_file.hpp"
#include "carepath/sim/validation.hpp"
