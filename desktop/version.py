"""The program's version: the one place it is written (the package build and `lotline --version`
read it here; CHANGELOG.md says what each version changed)."""

__version__ = "0.1.0"
