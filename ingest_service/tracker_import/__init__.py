"""Importing a council's spreadsheet tracker (CSV or XLSX) as referrals of origin `import`."""
