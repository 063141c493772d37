"""Annual-report tables for any period, as a page and as CSV and XLSX downloads."""
