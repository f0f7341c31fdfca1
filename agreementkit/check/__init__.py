"""``agreementkit check``: read a deal file or a document, find its clause topics, apply playbooks, report."""
