// Device code shared across translation units: defined in device_math.cu,
// called from scale_kernel.cu, so the objects need a device link.
#pragma once

__device__ float scaled_sum(float a, float x, float y);
