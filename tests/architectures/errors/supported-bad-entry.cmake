include(CudaEnvArchitectures)
cudaenv_resolve_architectures(result SPEC 8.6 TOOLKIT_VERSION 13.0 SUPPORTED 8.0-real)
