include(CudaEnvArchitectures)
# A generation name gets the platform warnings its capabilities get.
cudaenv_resolve_architectures(result SPEC Ampere+Tegra TOOLKIT_VERSION 12.4)
message(NOTICE "RESULT=${result}")
