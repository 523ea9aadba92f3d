"""The shared kernel of every use case: who acts (context), refusals, the unit of work and its
audit, the
@use_case decorator, writing events/links/states (records), scan lookup, route state and the
printer interface.
"""
