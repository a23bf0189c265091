include(CudaEnvArchitectures)
# Nothing selected is something the project's code supports: an error naming
# both lists and the knob.
cudaenv_resolve_architectures(result SPEC 7.5 8.6 TOOLKIT_VERSION 13.0 SUPPORTED 9.0a 10.0+)
