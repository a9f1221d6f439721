"""The practice guide's own words (issue 18, point 3): what each of the five practices means, how it shows in
daily work, and the tools in Frontløber that serve it. The reflection questions come from the survey's
question bank and the workshop formats from the library; only this text lives here.
"""

from django.utils.translation import gettext_lazy as _

MEANING = {
    "P1": _(
        "Keep digital innovation anchored in the core task: technology must give citizens a better offer, "
        "strengthen professional quality or make daily routines easier – never be an end in itself."
    ),
    "P2": _(
        "Encourage the employees' ideas and help them mature: every idea is welcome, every idea gets an "
        "answer – also a “no” with a reason – and the good ones are qualified together."
    ),
    "P3": _(
        "Create a culture and frames for trying things: time, permission to try, and barriers removed. A "
        "stopped experiment with its learning is a result, not a failure."
    ),
    "P4": _(
        "Foster an innovative mindset and digital skills: people learn from one another, try technology "
        "hands-on, and the workplace knows whom to ask."
    ),
    "P5": _(
        "Lead the change: what works is adopted with a plan, followed up after it has landed, and spread so "
        "other workplaces can take it up."
    ),
}

DAILY_WORK = {
    "P1": [
        _("Every idea, experiment and adoption is weighed on the three values, with room for concerns."),
        _("Challenges are asked from the core task: “How can we …?”"),
        _("The core task is written down, read where ideas are judged, and revisited now and then."),
    ],
    "P2": [
        _("Anyone can bring an idea from a phone between two tasks."),
        _("The leader answers within the workplace's target, and says why when the answer is no."),
        _("Colleagues support and comment, and ideas mature through four guiding questions."),
    ],
    "P3": [
        _("Experiments are small and framed: a time box, resources, a stop rule and success criteria."),
        _(
            "Barriers (time, worry, habit) are named in a register and removed; what needs a decision above "
            "the workplace is raised to the organisation."
        ),
        _("Personal data and IT are checked before an experiment starts, with the advisers' help."),
    ],
    "P4": [
        _("The team rates its own digital skills on a shared map and names its helpers."),
        _("Learning is planned where the work needs it: a playground, a course, a colleague showing how."),
        _("Skills an experiment or adoption needs are known before it starts."),
    ],
    "P5": [
        _("An adoption plan says who is affected, the training, the communication and the go-live date."),
        _("Checkpoints after 30 and 90 days ask whether it has landed, and what was adjusted."),
        _("What was adopted becomes a case that other workplaces can take up."),
    ],
}

# (label, url name) of the tools that serve each practice; every url takes the workplace's slug.
TOOLS = {
    "P1": [
        (_("The core task"), "organisations:workplace_home"),
        (_("Challenges"), "ideas:challenge_list"),
        (_("The ideas board"), "ideas:board"),
    ],
    "P2": [
        (_("Bring an idea"), "ideas:idea_create"),
        (_("The ideas board"), "ideas:board"),
        (_("The leader's inbox"), "ideas:inbox"),
    ],
    "P3": [
        (_("Experiments"), "experiments:experiment_list"),
        (_("The barrier register"), "actions:barrier_list"),
        (_("What we learned"), "experiments:learned"),
    ],
    "P4": [
        (_("The team's skills"), "competences:map"),
        (_("My skills"), "competences:rate"),
        (_("Learning"), "competences:activity_list"),
    ],
    "P5": [
        (_("Experiments and adoption plans"), "experiments:experiment_list"),
        (_("Cases"), "experiments:case_list"),
        (_("Action items"), "actions:action_items"),
    ],
}

# Tools only a leader can use.
LEADER_TOOLS = {"ideas:inbox"}
CONTRIBUTOR_TOOLS = {"ideas:idea_create", "competences:rate"}
