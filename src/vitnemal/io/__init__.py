"""Reading elevmappe files (JSON or YAML) into validated models, with Norwegian problems."""

from vitnemal.io.load import LoadResult, Problem, load_elevmappe, load_elevmapper

__all__ = ["LoadResult", "Problem", "load_elevmappe", "load_elevmapper"]
