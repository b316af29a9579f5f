#pragma once
/// @file
/// carepath sim module (umbrella header).
#include "carepath/core.hpp"
