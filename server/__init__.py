"""Kronika's web application and command line."""
from .app import create_app  # noqa: F401
