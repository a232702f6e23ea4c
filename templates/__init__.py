# Jinja2 templates, one per output format; installed as the package baseline.templates.
