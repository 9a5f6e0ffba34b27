"""Who is heard: statistics of reports and forums, with GESI breakdowns and the participation gap.

Counts are aggregated in SQL and pass through disclosure control (small cells shown as "<5",
complementary suppression) before any page, chart or export shows them.
"""
