// y = a*x + y on the device, through a kernel whose arithmetic lives in
// another file. Returns the launch's status.
#pragma once

#include <cuda_runtime.h>

cudaError_t scale_on_device(int n, float a, const float* x, float* y);
