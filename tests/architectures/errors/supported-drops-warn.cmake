include(CudaEnvArchitectures)
# Entries outside what the code supports are dropped, named in one warning.
cudaenv_resolve_architectures(result SPEC default TOOLKIT_VERSION 13.0 SUPPORTED 9.0+)
message(NOTICE "RESULT=${result}")
