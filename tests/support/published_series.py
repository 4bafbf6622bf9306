"""A published weekly series and the SPC limits NHSRplotthedots computes for it, shared by the
tests of the SPC calculation and of the series `check` charts."""

from __future__ import annotations

from datetime import date, timedelta

# Office for National Statistics, weekly deaths registered in England and Wales, 2010, all ages
# (weeks ending 8 January .. 31 December 2010), as kept in nhs-r-community/NHSRdatasets
# "Working files/ONSMortality.csv".
ONS_DEATHS_2010 = [
    12968, 12541, 11762, 11056, 10524, 10117, 10102, 10295, 9981, 9792, 9729, 9631, 8004,
    9756, 9892, 9449, 9503, 8343, 9483, 9190, 9452, 8178, 9259, 8513, 8461, 8973, 8627, 8541,
    8261, 8257, 8467, 8318, 8584, 8635, 7708, 8961, 8727, 8943, 8759, 9195, 9218, 9286, 9275,
    9668, 9406, 9437, 9473, 9220, 11193, 10880, 11484, 9689,
]  # fmt: skip
ONS_WEEKS = [(date(2010, 1, 8) + timedelta(weeks=i)).isoformat() for i in range(52)]
ONS_LIMITS = (9483.961538461539, 8492.8568576104753, 10475.066219312603)
