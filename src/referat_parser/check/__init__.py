"""Checking: the outline and its facts in, the validated ``Document`` out.

``assemble`` builds the items and sections once; ``crosschecks`` checks them and sums them up.
"""
