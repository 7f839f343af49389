"""Layout: the cleaned ``Line`` list in, the document's outline out.

Header, table of contents and agenda items (``outline.segment``), each item's blocks (``blocks``).
"""
