"""What a request touches: routes, forms, headers, logs, languages and error pages."""
