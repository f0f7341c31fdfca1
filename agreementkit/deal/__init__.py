"""Reading a deal file: safe YAML with line numbers, validation as FILE:LINE: field: message, JSON Schema."""
