"""Output: ``Document``s in, files and streams out.

``writing`` (JSON, atomic files), batch (``inputs``, ``archive``, ``pool``, ``progress``), ``debugging``.
"""
