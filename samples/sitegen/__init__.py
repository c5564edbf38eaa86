"""Code of samples/build_site.py: model (content from samples/content/), render, oracle, yamlout."""
