"""The record of a day, its Word documents: what its session notes, day summary and cycle
report say, exporting them as numbered versions through their life from draft to agreed, and
reading them back.

The documents' layout is facilitator.word's; the workspace's services reach this package
through sources.RecordSources.
"""
