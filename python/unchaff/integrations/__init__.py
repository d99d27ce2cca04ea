"""unchaff as the extractor of web-scale pipelines: ``datatrove`` and ``nemo_curator``.

Each module imports its framework when it is imported, and only then.
"""
