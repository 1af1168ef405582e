// Finsim's HDF5 layer in one include: netCDF-4-compatible files (named dimensions as dimension
// scales, UTF-8 string labels and attributes) written and read through owned handles.
#pragma once
#include "output/h5_attribute.h"  // IWYU pragma: export
#include "output/h5_object.h"     // IWYU pragma: export
#include "output/h5_read.h"       // IWYU pragma: export
#include "output/h5_write.h"      // IWYU pragma: export
