"""Output: ``Document``s in, files and streams out.

JSON and atomic writing (``writing``), archives (``archive``, ``progress``), stage dumps.
"""
