#pragma once
/// @file
/// carepath report module (umbrella header).
#include "carepath/core.hpp"
