"""Waiting Room: a calm terminal companion for the wait after a job interview."""

__version__ = "0.2.0"
