# Sphinx configuration for CudaEnv's module reference (docs/README.md).
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "_ext"))

project = "CudaEnv"
extensions = ["cmake_module"]
highlight_language = "cmake"
exclude_patterns = ["README.md", "_build"]
html_theme = "alabaster"
html_static_path = []
nitpicky = True
