"""Indicators and measurements built from plain data, validated as a plan file is."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from actionplan.domain.models import Indicator, Settings

SETTINGS = Settings()
LATER = date(2030, 1, 1)  # after every figure of these tests is known


def indicator(fy_start: int = 4, **fields: Any) -> Indicator:
    """An indicator (titled, higher is better unless said) read with the workspace's
    financial-year start."""
    data: dict[str, Any] = {"title": "Test indicator", "direction": "higher", **fields}
    return Indicator.model_validate(data, context={"default_id": "test", "fy_start": fy_start})


def monthly(values: Mapping[str, object], **fields: Any) -> Indicator:
    """An indicator with one measurement a period: `{"2014-04": 617, ...}`."""
    measurements = [{"period": period, "value": value} for period, value in values.items()]
    return indicator(measurements=measurements, **fields)
