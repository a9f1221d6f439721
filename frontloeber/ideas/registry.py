from frontloeber.core.registry import Registry

idea_page = Registry(
    """Callables ``(*, membership, idea) -> dict`` whose results the idea page adds to its template context
    (experiments: the idea's experiments, adoption plan, case and next steps; workshops: the workshops it came
    out of and its action items). Each costs a constant number of queries."""
)

similar_work = Registry(
    """Callables ``(*, workplace, text) -> dict`` shown beside the idea form with the similar ideas
    (experiments: published cases from other workplaces)."""
)

manual_status_guards = Registry(
    """Callables ``(*, idea)`` that raise ``ValidationError`` when the idea's status may not be moved or
    merged by hand (experiments: while an experiment or its adoption plan decides it)."""
)
