#pragma once
/// @file
/// Everything in carepath (but the optional MPI driver, sim/mpi.hpp).
#include "carepath/core.hpp"
