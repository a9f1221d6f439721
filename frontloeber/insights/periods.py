"""Quarters: the period every figure of insights is counted over.

A quarter is named as in Danish planning, ``2026-K4`` (``2026-Q4`` is read too). Its bounds are local dates;
the first day is in it and the first day of the next quarter is not.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

TREND_QUARTERS = 6  # the trend shows the last 6 quarters, or 8 when the workplace's data goes back that far
LONG_TREND_QUARTERS = 8

_NAME = re.compile(r"^\s*(\d{4})\s*-?\s*[KQkq]\s*([1-4])\s*$")


class QuarterError(ValueError):
    """A quarter that cannot be read, or that has not begun; the message is for the person."""


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1–4

    @classmethod
    def of(cls, day: datetime.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def current(cls, today: datetime.date | None = None) -> "Quarter":
        return cls.of(today or timezone.localdate())

    @classmethod
    def parse(cls, text: str | None, *, today: datetime.date | None = None) -> "Quarter":
        """The quarter ``text`` names; the current one when it is empty. Raises QuarterError for a name that
        is not a quarter, one before 2000, and one that has not begun."""
        current = cls.current(today)
        if not text:
            return current
        match = _NAME.match(text)
        if not match:
            raise QuarterError(_("“%(text)s” is not a quarter. Write it as 2026-K4.") % {"text": text[:20]})
        quarter = cls(int(match.group(1)), int(match.group(2)))
        if quarter.year < 2000:
            raise QuarterError(_("Frontløber holds nothing from before 2000."))
        if quarter > current:
            raise QuarterError(
                _("%(quarter)s has not begun yet; its figures do not exist.") % {"quarter": quarter}
            )
        return quarter

    def __str__(self):
        return f"{self.year}-K{self.number}"

    @property
    def slug(self):
        return str(self)

    @property
    def label(self):
        return _("Q%(number)s %(year)s") % {"number": self.number, "year": self.year}

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> datetime.date:
        """The first day after the quarter."""
        return self.next().start

    def next(self) -> "Quarter":
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    def back(self, count: int) -> list["Quarter"]:
        """The ``count`` quarters ending with this one, oldest first."""
        quarters = [self]
        while len(quarters) < count:
            quarters.append(quarters[-1].previous())
        return quarters[::-1]

    def bounds(self):
        """The quarter as aware datetimes [start, end) in the local time zone, for filtering timestamps."""
        zone = timezone.get_current_timezone()
        return (
            datetime.datetime.combine(self.start, datetime.time(), tzinfo=zone),
            datetime.datetime.combine(self.end, datetime.time(), tzinfo=zone),
        )

    def last_day(self) -> datetime.date:
        return self.end - datetime.timedelta(days=1)


def trend_quarters(*, quarter: Quarter, since: datetime.date | None) -> list[Quarter]:
    """The quarters of the trend ending with ``quarter``: 8 when the data (first row ``since``) goes back
    that far, otherwise 6."""
    long = quarter.back(LONG_TREND_QUARTERS)
    if since is not None and since < long[0].end:
        return long
    return quarter.back(TREND_QUARTERS)
