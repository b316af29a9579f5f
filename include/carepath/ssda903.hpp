#pragma once
/// @file
/// carepath ssda903 module (umbrella header).
#include "carepath/core.hpp"
