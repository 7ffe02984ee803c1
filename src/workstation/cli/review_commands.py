"""`workstation review`: submit work for review; approve or return it."""

from __future__ import annotations

from workstation.cli.credentials import open_session


def _show(review) -> str:
    decided = f", {review.state} by {review.decided_by}" if review.decided_by else ""
    return (
        f"{review.id:>4}  {review.case_number:<14} {review.kind:<6} "
        f"{review.state:<9} by {review.submitted_by}{decided}  {review.object_ref}"
    )


def cmd_review_submit(args) -> int:
    from workstation.services.reviews import submit_review

    with open_session(args) as ws:
        review = submit_review(ws, args.case, args.kind, args.ref, note=args.note)
    print(f"Submitted review {review.id}: {review.kind} {review.object_ref}")
    return 0


def cmd_review_approve(args) -> int:
    from workstation.services.reviews import approve_review

    with open_session(args) as ws:
        review = approve_review(ws, args.id, args.comment)
    print(f"Approved review {review.id} ({review.kind} of {review.case_number}).")
    return 0


def cmd_review_return(args) -> int:
    from workstation.services.reviews import return_review

    with open_session(args) as ws:
        review = return_review(ws, args.id, args.comment)
    print(f"Returned review {review.id} to {review.submitted_by}.")
    return 0


def cmd_review_resubmit(args) -> int:
    from workstation.services.reviews import resubmit_review

    with open_session(args) as ws:
        review = resubmit_review(ws, args.id, args.comment)
    print(f"Resubmitted review {review.id}.")
    return 0


def cmd_review_list(args) -> int:
    from workstation.services.reviews import list_reviews

    with open_session(args) as ws:
        reviews = list_reviews(ws, args.case, args.state)
    if not reviews:
        print("No reviews.")
    for review in reviews:
        print(_show(review))
    return 0


def cmd_review_show(args) -> int:
    from workstation.services.reviews import review_history

    with open_session(args) as ws:
        review, events = review_history(ws, args.id)
    print(_show(review))
    for key, value in review.snapshot.items():
        print(f"      {key}: {value}")
    for event in events:
        comment = f": {event.comment}" if event.comment else ""
        print(
            f"      {event.acted_at:%Y-%m-%d %H:%M}  {event.action:<11} "
            f"{event.user_name} ({event.role}){comment}"
        )
    return 0


def register(commands) -> None:
    review = commands.add_parser("review", help="submit, approve and return work")
    sub = review.add_subparsers(dest="review_command", required=True)

    submit = sub.add_parser("submit", help="submit a chart, brief or face decisions")
    submit.add_argument("case")
    submit.add_argument("kind", choices=("chart", "brief", "faces"))
    submit.add_argument(
        "ref",
        help="a chart's link types (all, call,meeting) or a saved chart view "
        "(view:NAME@VERSION), the face search id, or the brief's PDF",
    )
    submit.add_argument("--note", default="", help="what the reviewer should check")
    submit.set_defaults(func=cmd_review_submit)

    approve = sub.add_parser("approve", help="approve a review (supervisor)")
    approve.add_argument("id", type=int)
    approve.add_argument("--comment", default="")
    approve.set_defaults(func=cmd_review_approve)

    back = sub.add_parser("return", help="return a review with comments (supervisor)")
    back.add_argument("id", type=int)
    back.add_argument("--comment", required=True, help="what must change")
    back.set_defaults(func=cmd_review_return)

    again = sub.add_parser("resubmit", help="submit returned work again")
    again.add_argument("id", type=int)
    again.add_argument("--comment", default="")
    again.set_defaults(func=cmd_review_resubmit)

    listing = sub.add_parser("list", help="list reviews")
    listing.add_argument("case", nargs="?")
    listing.add_argument("--state", choices=("submitted", "approved", "returned"))
    listing.set_defaults(func=cmd_review_list)

    show = sub.add_parser("show", help="a review and its history")
    show.add_argument("id", type=int)
    show.set_defaults(func=cmd_review_show)
