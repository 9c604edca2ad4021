"""Amounts of yen as people write them: ``300万``, ``300万円``, ``¥3,000,000``, ``３００万``, ``3.5万``.

``parse_yen`` is pure (no Django): it returns whole yen or raises ``YenSyntaxError`` with a code.
Accepted: full-width characters (read through NFKC), thousands separators (``,`` ``，`` ``、``),
``¥``/``￥``/``円``/``JPY``/``yen``, spaces, and the units 億 (10⁸), 万 (10⁴) and 千 (10³) in
descending order (``1億2000万``, ``300万5000円``), each optionally with a decimal part
(``3.5万`` = 35,000). The total must be whole yen: ``3.5`` or ``1.23456万`` is refused.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

UNITS = (("億", 100_000_000), ("万", 10_000), ("千", 1_000))
#: Longest amount accepted, in digits (a trillion yen is beyond any income or savings asked).
MAX_DIGITS = 13

_CURRENCY = re.compile(r"(?:¥|jpy|yen)?(?P<amount>.*?)(?:円|jpy|yen)?", re.IGNORECASE)
_SEPARATORS = re.compile(r"[,、\s_]")
_NUMBER = r"\d+(?:\.\d+)?"
_AMOUNT = re.compile(
    "".join(f"(?:(?P<u{index}>{_NUMBER}){unit})?" for index, (unit, _f) in enumerate(UNITS))
    + f"(?P<rest>{_NUMBER})?"
)


class YenSyntaxError(ValueError):
    """Why a text is not an amount: ``code`` is ``not_a_number``, ``negative``,
    ``not_whole_yen`` or ``too_large``."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


def parse_yen(text: str) -> int:
    """Return the whole yen that ``text`` writes, or raise ``YenSyntaxError``."""
    value = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    value = value.replace("\\", "¥")  # a yen sign typed on a Japanese keyboard, read as "\"
    if value.startswith(("-", "−", "▲", "△")):
        raise YenSyntaxError("negative")
    value = _CURRENCY.fullmatch(value)["amount"]  # "¥300万円": a sign in front, a unit behind
    match = _AMOUNT.fullmatch(value)
    if not value or match is None or not any(match.groupdict().values()):
        raise YenSyntaxError("not_a_number")
    if len(re.sub(r"\D", "", value)) > MAX_DIGITS:
        raise YenSyntaxError("too_large")
    try:
        total = sum(
            Decimal(match[f"u{index}"]) * factor
            for index, (_unit, factor) in enumerate(UNITS)
            if match[f"u{index}"]
        ) + Decimal(match["rest"] or 0)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only decimals
        raise YenSyntaxError("not_a_number") from exc
    if total != total.to_integral_value():
        raise YenSyntaxError("not_whole_yen")
    return int(total)


def write_yen(amount: int, *, japanese: bool) -> str:
    """Write an amount in full, as a certificate does: ``3,000,000円`` / ``¥3,000,000``."""
    return f"{amount:,}円" if japanese else f"¥{amount:,}"
