"""Drop-in replacements for other extractors' calls: ``unchaff.compat.trafilatura.extract``."""
