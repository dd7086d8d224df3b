"""The version, written once: the package metadata (pyproject.toml reads it from here), `--version`,
reports and the User-Agent all read `__version__`. A leaf: it imports nothing, so reading it is instant."""

__version__ = "0.1.0"
