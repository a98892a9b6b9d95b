"""The fiscal-year report as it was before issue 16 goal 2 (commit debad73): every occasion
of two years read into Python and counted day by day. Kept verbatim so that the equivalence
tests (tests/storage/test_report_equivalence.py) hold the faster report to exactly its
figures."""
