"""The station screens: the only package that imports PySide6."""
