"""Readers: the bytes of one input (a text file; a PDF) in, a list of ``Line``s out.

Every format ends as the same ``Line`` model, with page numbers and page furniture removed.
"""
