from frontloeber.core.registry import Registry

skill_needs = Registry(
    """Callables ``(*, workplace) -> {skill id: [(label, url)]}``: the work that needs a skill, shown on the
    skills map (experiments: running and planned experiments, live adoption plans). Constant queries each."""
)
