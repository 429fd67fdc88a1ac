"""The public views of the directory: ``pages`` (HTML), ``opendata`` (exports, feed), ``jsonld``."""
