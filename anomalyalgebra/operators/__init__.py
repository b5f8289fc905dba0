"""Operators built from a model's fields: invariance, enumeration, graphs, symmetries."""

from .operator import Condition, FieldFactor, Operator, parse_operator

__all__ = ["Condition", "FieldFactor", "Operator", "parse_operator"]
