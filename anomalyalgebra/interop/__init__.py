"""Readers and writers for other tools' model files."""
