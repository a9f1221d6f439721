"""Two nodes behave as one (issue 16): a whole journey through HAProxy, each request on the other node than
the one before it.

Sessions (in the database), the rate limits and the cache (Redis), the board's kept cards (each process's own
memory, keyed by everything a card shows), the live workshop board (polled by revision) and the invitation
mail sent by the task worker (a third process) must all agree whichever node answers. tests/cluster.py starts
the nodes under production settings on the test database; PostgreSQL only, as it is what runs behind more
than one node (the SQLite file is one machine's). In CI this runs again through PgBouncer in transaction
pooling mode, the nodes with it.
"""

import re
import time

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse

from frontloeber.ideas.models import Idea
from frontloeber.organisations.models import Role
from frontloeber.workshops.join_views import WRONG_CODES_ALLOWED
from tests import cluster as cluster_module
from tests.factories import (
    PASSWORD,
    WorkplaceFactory,
    idea_form_data,
    member,
    plan_session,
    png_bytes,
    restore_content,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgresql]

MAIL_TIMEOUT = (
    30  # seconds for the task worker to send the invitation; a bound, never reached when all is well
)


@pytest.fixture
def cluster(tmp_path):
    from django.db import connection

    running = cluster_module.start(database=connection.settings_dict, directory=tmp_path / "cluster")
    yield running
    running.stop()
    print(running.logs())  # shown by pytest only when the test failed


def _walk(visitor, answer):
    """Follow redirects to the page they end on (each hop one more request)."""
    while answer.status in (301, 302, 303):
        answer = visitor.follow(answer)
    return answer


def _wait_for_invitation(cluster):
    """The invitation link in the mail the task worker wrote (the file exists a moment before its text)."""
    link = re.compile(re.escape(cluster.url) + r"(/konto/invitation/[^/\s]+/)")
    deadline = time.monotonic() + MAIL_TIMEOUT
    while time.monotonic() < deadline:
        found = [match.group(1) for mail in cluster.mails() if (match := link.search(mail))]
        if found:
            return found
        time.sleep(0.1)  # between looks at the worker's mail folder; the bound is MAIL_TIMEOUT
    raise AssertionError(f"the task worker sent no invitation within {MAIL_TIMEOUT} s:\n{cluster.logs()}")


def test_a_journey_through_two_nodes_alternating_request_by_request(cluster):
    restore_content()  # the workshop library, emptied if a transactional test ran just before here
    workplace = WorkplaceFactory(name="Børnehuset Solsikken")
    leader = member(workplace, Role.LEADER, full_name="Lene Leder").user
    # The nodes check passwords with production's hashers, not the suite's fast one.
    leader.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    leader.save(update_fields=["password"])
    workshop = plan_session(workplace, leader=leader)
    slug = workplace.slug
    board = reverse("ideas:board", kwargs={"workplace_slug": slug})

    # Signed in on one node, signed in on the other (sessions in the database).
    lene = cluster_module.Visitor(cluster)
    lene.get(reverse("accounts:login"))
    home = _walk(lene, lene.post(reverse("accounts:login"), {"username": leader.email, "password": PASSWORD}))
    assert home.status == 200 and "Lene Leder" in home.body

    # An invitation asked for on one node is sent by the task worker; its link works on either node.
    invite = reverse("organisations:member_invite", kwargs={"workplace_slug": slug})
    lene.get(invite)
    answer = lene.post(invite, {"email": "nina@example.dk", "role": Role.EMPLOYEE})
    assert answer.status == 302, answer.body[:2000]
    (link,) = _wait_for_invitation(cluster)
    nina = cluster_module.Visitor(cluster)
    assert nina.get(link).status == 200
    password = "Kaffekop-ved-morgenmoedet-7"
    welcome = _walk(
        nina, nina.post(link, {"full_name": "Nina Ny", "password1": password, "password2": password})
    )
    assert welcome.status == 200 and "Børnehuset Solsikken" in welcome.body

    # An idea written on one node is on the board on the other.
    create = reverse("ideas:idea_create", kwargs={"workplace_slug": slug})
    nina.get(create)
    picture = png_bytes()
    sent = nina.post(
        create,
        idea_form_data(title="Dagens billeder på skærmen", tags="tablet"),
        files={"images": ("dagen.png", picture, "image/png")},
    )
    idea_page = _walk(nina, sent)
    assert idea_page.status == 200 and "Dagens billeder på skærmen" in idea_page.body
    idea = Idea.objects.get(workplace=workplace, title="Dagens billeder på skærmen")
    # Its picture, stored by one node, is served by both (uploads live on a volume every node mounts).
    image = reverse(
        "ideas:idea_image",
        kwargs={"workplace_slug": slug, "idea_id": idea.pk, "image_id": idea.images.get().pk},
    )
    pictures = [nina.get(image), nina.get(image)]
    assert [answer.status for answer in pictures] == [200, 200]
    before = [nina.get(board), nina.get(board)]  # each node's process now keeps the card
    assert all("Dagens billeder på skærmen" in page.body and "0 støtter" in page.body for page in before)
    assert {page.node for page in before} == {"a", "b"}

    # Supported on one node: the kept card shows it on both (the card's key holds what it shows).
    idea_url = reverse("ideas:idea_detail", kwargs={"workplace_slug": slug, "idea_id": idea.pk})
    lene.get(idea_url)
    support = reverse("ideas:idea_support", kwargs={"workplace_slug": slug, "idea_id": idea.pk})
    assert lene.post(support, {"on": "1"}).status == 302
    after = [nina.get(board), nina.get(board)]
    assert all("1 støtte" in page.body for page in after), [page.node for page in after]

    # A comment on one node is Nina's notification on both.
    comment = reverse("ideas:comment_create", kwargs={"workplace_slug": slug, "idea_id": idea.pk})
    lene.get(idea_url)
    assert lene.post(comment, {"body": "God idé, lad os prøve den i næste uge."}).status == 302
    notifications = [nina.get(reverse("notifications:list")) for _ in range(2)]
    assert all("Dagens billeder på skærmen" in page.body for page in notifications)

    # The live workshop: started on one node, joined from a phone on the other.
    session_url = workshop.get_absolute_url()
    lene.get(session_url)
    start = reverse("workshops:session_start", kwargs={"workplace_slug": slug, "session_id": workshop.pk})
    assert _walk(lene, lene.post(start)).status == 200
    workshop.refresh_from_db()
    code = workshop.join_code
    guest = cluster_module.Visitor(cluster)
    guest.get(reverse("join:room", kwargs={"code": code}))
    room = _walk(
        guest, guest.post(reverse("join:room", kwargs={"code": code}), {"display_name": "Bedstemor"})
    )
    assert room.status == 200 and "Bedstemor" in room.body

    # The facilitator moves on to writing from one node; the phone polling either node learns it, then
    # hears nothing new.
    workshop.refresh_from_db()
    seen = workshop.revision
    lene.get(reverse("workshops:session_live", kwargs={"workplace_slug": slug, "session_id": workshop.pk}))
    control = reverse("workshops:session_control", kwargs={"workplace_slug": slug, "session_id": workshop.pk})
    assert lene.post(control, {"action": "next"}).status == 302
    poll = reverse("join:room_board", kwargs={"code": code})
    assert guest.get(f"{poll}?rev={seen}").status == 200
    workshop.refresh_from_db()
    assert workshop.revision != seen
    assert [guest.get(f"{poll}?rev={workshop.revision}").status for _ in range(2)] == [204, 204]

    # A post from the phone on one node is on the projector's board on both.
    guest.get(reverse("join:room", kwargs={"code": code}))
    post = guest.post(reverse("join:post_create", kwargs={"code": code}), {"text": "Billeder ved garderoben"})
    assert post.status == 302
    live = reverse("workshops:session_live_board", kwargs={"workplace_slug": slug, "session_id": workshop.pk})
    projector = [lene.get(live), lene.get(live)]
    assert all(page.status == 200 and "Billeder ved garderoben" in page.body for page in projector)

    # Rate limits count across nodes (Redis): wrong workshop codes from one address...
    stranger = cluster_module.Visitor(cluster)
    wrong = [stranger.get(reverse("join:enter") + "?kode=ZZZZZZ").status for _ in range(WRONG_CODES_ALLOWED)]
    assert wrong == [400] * WRONG_CODES_ALLOWED
    assert [stranger.get(reverse("join:enter") + "?kode=ZZZZZZ").status for _ in range(2)] == [429, 429]
    # ...and failed logins for one account from one address (the database, django-axes).
    stranger.get(reverse("accounts:login"))
    failures = [
        stranger.post(
            reverse("accounts:login"), {"username": "nina@example.dk", "password": "forkert"}
        ).status
        for _ in range(5)
    ]
    assert failures[:4] == [200] * 4
    locked = stranger.post(reverse("accounts:login"), {"username": "nina@example.dk", "password": password})
    assert locked.status == 429 and "sessionid" not in stranger.cookies

    # Signed out on one node, signed out on the other.
    assert lene.post(reverse("accounts:logout")).status == 302
    assert "/konto/login/" in lene.get(board).location

    # Every request went to the other node than the one before it, and the two nodes shared the work.
    nodes = [node for node, *_ in cluster.answers]
    assert set(nodes) == {"a", "b"}, cluster.answers
    assert all(one != other for one, other in zip(nodes, nodes[1:], strict=False)), cluster.answers
