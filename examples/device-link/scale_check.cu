// The device-linked kernel and cuBLAS compute the same y = a*x + y; the two
// results must agree. Without a usable GPU it says why and exits 77, the
// exit code CTest treats as "skipped".
#include <cstdio>
#include <vector>

#include <cublas_v2.h>
#include <cuda_runtime.h>

#include "scale.hpp"

int main() {
  int devices = 0;
  if (cudaError_t status = cudaGetDeviceCount(&devices); status != cudaSuccess || devices == 0) {
    std::printf("no usable CUDA device: %s\n", status != cudaSuccess ? cudaGetErrorString(status) : "no device");
    return 77;
  }
  const int n = 1 << 16;
  const float a = 3.0f;
  std::vector<float> x(n), y(n);
  for (int i = 0; i < n; ++i) {
    x[i] = static_cast<float>(i % 17);
    y[i] = static_cast<float>(i % 5);
  }
  float *dx = nullptr, *by_kernel = nullptr, *by_cublas = nullptr;
  cudaMalloc(&dx, n * sizeof(float));
  cudaMalloc(&by_kernel, n * sizeof(float));
  cudaMalloc(&by_cublas, n * sizeof(float));
  cudaMemcpy(dx, x.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(by_kernel, y.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(by_cublas, y.data(), n * sizeof(float), cudaMemcpyHostToDevice);

  cudaError_t launched = scale_on_device(n, a, dx, by_kernel);
  cublasHandle_t handle = nullptr;
  cublasStatus_t blas = cublasCreate(&handle);
  if (blas == CUBLAS_STATUS_SUCCESS) blas = cublasSaxpy(handle, n, &a, dx, 1, by_cublas, 1);
  if (handle != nullptr) cublasDestroy(handle);

  std::vector<float> kernel_result(n), cublas_result(n);
  cudaMemcpy(kernel_result.data(), by_kernel, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaError_t copied = cudaMemcpy(cublas_result.data(), by_cublas, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(dx);
  cudaFree(by_kernel);
  cudaFree(by_cublas);
  if (launched != cudaSuccess || copied != cudaSuccess) {
    std::printf("kernel failed: %s\n", cudaGetErrorString(launched != cudaSuccess ? launched : copied));
    return 1;
  }
  if (blas != CUBLAS_STATUS_SUCCESS) {
    std::printf("cuBLAS failed: status %d\n", static_cast<int>(blas));
    return 1;
  }
  for (int i = 0; i < n; ++i) {
    const float expected = a * x[i] + y[i];
    if (kernel_result[i] != expected || cublas_result[i] != expected) {
      std::printf("element %d: kernel %g, cuBLAS %g, expected %g\n", i, kernel_result[i], cublas_result[i], expected);
      return 1;
    }
  }
  std::printf("device-linked kernel and cuBLAS agree on %d element(s)\n", n);
  return 0;
}
