"""Serial device drivers and their simulators: stdlib and pyserial only, nothing of the app."""
