"""Kronika's knowledge-graph model: IRIs, fact graphs with provenance, the store, SHACL."""
