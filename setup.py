"""Build the optional C extensions: the dump splitter's loops (baseline/sql/_scanner.c)
and the DDL lexer's (baseline/sql/ddl/_lexer.c).

Everything else is declared in pyproject.toml. ``optional=True``: where no C
compiler or Python headers exist, the install goes on without them and the
pure-Python loops are used (same results, slower).
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("baseline.sql._scanner", ["baseline/sql/_scanner.c"], optional=True,
                             extra_compile_args=["-O2"]),
                   Extension("baseline.sql.ddl._lexer", ["baseline/sql/ddl/_lexer.c"], optional=True,
                             extra_compile_args=["-O2"])])
