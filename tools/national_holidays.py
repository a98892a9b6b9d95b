"""Write domain/national_holidays.json, Japan's national holidays (国民の祝日・休日) as the
``holidays`` package computes them, for every year it covers.

    .venv/bin/python tools/national_holidays.py

The bot reads the table instead of importing ``holidays`` (a tenth of a second at every start
of ``telework-bot parse``, which is to start at once: issue 16). ``tests/domain/
test_national_holidays.py`` compares the table with the package year by year, so upgrading
``holidays`` to a version that knows a new holiday fails that test until this is run again.
"""

from __future__ import annotations

import json
from pathlib import Path

from holidays.countries.japan import Japan

TABLE = Path(__file__).resolve().parents[1] / "domain" / "national_holidays.json"


def table() -> dict[str, object]:
    """The table's contents: the covered years and, per year, [ISO date, ja, en] rows."""
    years: dict[str, list[list[str]]] = {}
    for year in range(Japan.start_year, Japan.end_year + 1):
        ja = Japan(years=year, language="ja")
        en = Japan(years=year, language="en_US")
        years[str(year)] = [
            [day.isoformat(), str(name), str(en.get(day, name))] for day, name in sorted(ja.items())
        ]
    return {"first_year": Japan.start_year, "last_year": Japan.end_year, "years": years}


def main() -> None:
    # One year per line, so that a diff after an upgrade shows which years changed.
    text = json.dumps(table(), ensure_ascii=False, separators=(",", ":")).replace(']],"', ']],\n"')
    TABLE.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {TABLE}")


if __name__ == "__main__":
    main()
