"""Glue between the device drivers and the services' small interfaces (no Qt, no database).

Services never import a driver; the station (views) and the headless jobs (cli) plug a driver
into a service interface through these adapters.
"""
