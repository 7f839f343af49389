"""Extraction: outline parts (header lines, item blocks) in, facts out.

Metadata, dates, people, tables, amounts, recommendations, decisions and attachments.
"""
