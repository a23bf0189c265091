// y = a*x + y on the GPU, checked on the CPU. Without a usable GPU it says
// why and exits 77, the exit code CTest treats as "skipped".
#include <cstdio>
#include <vector>

#include <cuda_runtime.h>

__global__ void saxpy(int n, float a, const float* x, float* y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
}

int main() {
  int devices = 0;
  if (cudaError_t status = cudaGetDeviceCount(&devices); status != cudaSuccess || devices == 0) {
    std::printf("no usable CUDA device: %s\n",
                status != cudaSuccess ? cudaGetErrorString(status) : "no device");
    return 77;
  }
  const int n = 1 << 20;
  std::vector<float> x(n, 1.0f), y(n, 2.0f);
  float *dx = nullptr, *dy = nullptr;
  cudaMalloc(&dx, n * sizeof(float));
  cudaMalloc(&dy, n * sizeof(float));
  cudaMemcpy(dx, x.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(dy, y.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  saxpy<<<(n + 255) / 256, 256>>>(n, 3.0f, dx, dy);
  cudaError_t status = cudaMemcpy(y.data(), dy, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(dx);
  cudaFree(dy);
  if (status != cudaSuccess) {
    std::printf("kernel failed: %s\n", cudaGetErrorString(status));
    return 1;
  }
  for (float v : y) {
    if (v != 5.0f) {
      std::printf("wrong result %f, expected 5\n", v);
      return 1;
    }
  }
  std::printf("saxpy ok on %d element(s)\n", n);
  return 0;
}
