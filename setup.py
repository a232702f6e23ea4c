"""Build the optional C extension of the dump splitter (see baseline/sql/_scanner.c).

Everything else is declared in pyproject.toml. ``optional=True``: where no C
compiler or Python headers exist, the install goes on without it and the
pure-Python splitter is used (same results, slower on big dumps).
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("baseline.sql._scanner", ["baseline/sql/_scanner.c"], optional=True,
                             extra_compile_args=["-O2"])])
