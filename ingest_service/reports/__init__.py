"""Reporting: intake and case figures grouped in SQL, annual-report tables and their exports."""
