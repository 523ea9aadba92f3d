"""The demo plant: master data files loaded by `lotline demo` and the tests."""
