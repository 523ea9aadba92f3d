"""The dashboard bench data set in parts: its plan (world), master data, production rows,
quality records, recalls and device health; bench/generate_dashboard.py loads them.
"""
