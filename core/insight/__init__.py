"""Insight: what a person reads about their history.

The week in sentences (`weektext`) and its trend, like-for-like comparisons (`compare`), one stored query explained
(`detail`), the classroom's figures and share codes (`classroom`, `share`), energy-score stars (`energyscore`)
and the demo week (`demo`).

May import: store/, model/, words/ and the kernel. Never pipe/. Imported by cli/ and the app.
"""
