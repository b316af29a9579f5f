#pragma once
/// @file
/// carepath sim module (umbrella header): the microsimulation of care careers with
/// relationships, calibrated to England.
///
/// To keep a file that includes it cheap to compile (issue 14), the umbrella leaves out the
/// model-building and batch parts; include them yourself:
/// - `carepath/sim/fit.hpp`, `carepath/sim/council_fit.hpp`: fitting the model to published
///   figures or to a council's return;
/// - `carepath/sim/validation.hpp`: the model against published figures it was not fitted to;
/// - `carepath/sim/sweep.hpp`, `carepath/sim/sweep_file.hpp`: parameter sweeps and their files;
/// - `carepath/sim/mpi.hpp`: sweeps across processes (opt-in, needs Boost.MPI).
#include "carepath/core.hpp"
#include "carepath/sim/backtest.hpp"
#include "carepath/sim/calibration.hpp"
#include "carepath/sim/costs.hpp"
#include "carepath/sim/engine.hpp"
#include "carepath/sim/forecast.hpp"
#include "carepath/sim/markov.hpp"
#include "carepath/sim/outcomes.hpp"
#include "carepath/sim/published.hpp"
#include "carepath/sim/rng.hpp"
#include "carepath/sim/scenario.hpp"
#include "carepath/sim/stats.hpp"
#include "carepath/sim/summary.hpp"
