"""Transparency: the DPO's report over a period, and the letter explaining one decision."""

from .bench import report_benchmark
from .letter import build_letter
from .render import ServiceContact
from .report import DEFAULT_PII_RESULTS, build_report

__all__ = [
    "DEFAULT_PII_RESULTS",
    "ServiceContact",
    "build_letter",
    "build_report",
    "report_benchmark",
]
