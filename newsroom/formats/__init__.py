"""Date formats per language (FORMAT_MODULE_PATH), written as each language writes dates.

Django's own Bulgarian formats leave DATETIME_FORMAT unset and capitalise months ("Март 5,
2025"). Bulgarian writes "5 март 2025 г., 14:12": day first, month in lower case. The `E`
format character reads the "alt. month" names, which `months.py` declares so that our
Bulgarian catalogue can give them in lower case.
"""
