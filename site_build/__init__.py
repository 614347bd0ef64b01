"""Build-time code for the SSI Field Guide site: MkDocs hooks and the content checks they run."""
