"""Easy read of a forum's participant pages: joining, the forum page, voice input, dot votes,
statements and the live board, and their errors.

EASY: each standard message (msgid) with its easy-read words and picture, made active by
i18n/easy.py when a person turns easy read on. ALREADY_EASY: the messages of these pages
that keep their words, by the reason (i18n.easy.REASONS) a reviewer accepted; the test
tests/unit/i18n/test_easy_read_coverage.py fails for a message in neither.
"""

from __future__ import annotations

from gesi_app.i18n.easy import N_, Easy

EASY: dict[str, Easy] = {
    (
        "At a public consultation forum you tell the government what you think. You can "
        "take part on your phone."
    ): Easy(
        N_("At a forum you tell the government what you think. You can use your phone."), "people"
    ),
    "Join code": Easy(picture="key"),
    (
        "6 letters and numbers, for example K7M 2PQ. You find it on the invitation or "
        "the screen at the forum."
    ): Easy(N_("6 letters and numbers, like K7M 2PQ. It is on your invitation.")),
    "Join the forum": Easy(picture="people"),
    "Forums happening now and coming up": Easy(N_("Forums now and soon"), "calendar"),
    "There is no forum coming up at the moment.": Easy(N_("There is no forum soon.")),
    "Agenda": Easy(N_("What we talk about"), "list"),
    "This forum has ended. Thank you to everyone who took part.": Easy(
        N_("This forum is over. Thank you for taking part."), "check"
    ),
    "Join to send your input. Your name is not shown to others.": Easy(
        N_("Join to say what you think. Others do not see your name."), "people"
    ),
    "About you (you can skip this)": Easy(picture="person"),
    (
        "Your answers help the government see whether women, young people and people "
        "with disabilities are heard. They are counted, never shown with your name or "
        "your input."
    ): Easy(
        N_(
            "This helps the government hear everyone. We only count the answers. We "
            "never show them with your name."
        )
    ),
    "Are you a woman or a man?": Easy(picture="person"),
    "Are you 16 to 30 years old?": Easy(picture="person"),
    (
        "Do you have a lot of difficulty seeing, hearing, walking, remembering, looking "
        "after yourself or communicating?"
    ): Easy(picture="person"),
    "Your agreement": Easy(picture="check"),
    "Needed only if you answered the questions about you.": Easy(
        N_("Only if you answered the questions about you.")
    ),
    "Send your input": Easy(N_("Say what you think"), "speech"),
    "Which agenda item is it about?": Easy(N_("What is it about?"), "list"),
    "Your input": Easy(N_("What you think"), "pencil"),
    "One point at a time, up to 1000 characters.": Easy(N_("Write one idea at a time.")),
    "Send your input by voice instead": Easy(N_("Or say it with your voice"), "microphone"),
    "Your inputs": Easy(N_("What you sent"), "list"),
    "You have not sent an input yet.": Easy(N_("You have not sent anything yet.")),
    "Vote on what matters most": Easy(N_("Choose what matters most"), "star"),
    "Vote with dots": Easy(picture="star"),
    "Agree or disagree": Easy(picture="thumbs-up"),
    "Inputs from everyone": Easy(N_("What everyone said"), "people"),
    "Open the live board": Easy(N_("See the big screen"), "eye"),
    "How to take part": Easy(picture="people"),
    "Agency": Easy(N_("Office")),
    "Support offered": Easy(N_("Help for you"), "question"),
    "None listed. Ask the organisers what you need.": Easy(
        N_("Tell the organisers what help you need.")
    ),
    "Send your input by voice": Easy(N_("Say it with your voice"), "microphone"),
    (
        "Speak instead of writing. Only the facilitators can play your voice message; "
        "others see that a voice message was sent."
    ): Easy(N_("You can talk instead of writing. Only the leaders of the forum hear it.")),
    "Your recording is ready. It is sent when you press Send.": Easy(
        N_("Your recording is ready. Press Send to send it."), "check"
    ),
    "Thank you. Your dots are saved. You can change them while the vote is open.": Easy(
        N_("Thank you. We saved your dots. You can still change them."), "check"
    ),
    "No dot vote is open right now. The facilitator will say when one starts.": Easy(
        N_("There is no vote now. The leader tells you when it starts."), "clock"
    ),
    "There are no inputs to vote on yet.": Easy(N_("There is nothing to vote on yet.")),
    "Thank you. Your answers are saved. You can change them while the round is open.": Easy(
        N_("Thank you. We saved your answers. You can still change them."), "check"
    ),
    "No statements are open right now. The facilitator will say when the round starts.": Easy(
        N_("There is nothing to answer now. The leader tells you when it starts."), "clock"
    ),
    (
        "For each statement, say whether you agree or disagree. Choose pass if you do "
        "not want to say or are not sure."
    ): Easy(N_("Do you agree? Do you disagree? Not sure? Choose pass."), "thumbs-up"),
    "Live board": Easy(picture="eye"),
    "Forum not found": Easy(N_("We cannot find this forum"), "search"),
    "No forum has this code. Check the code on the invitation or the screen at the forum.": Easy(
        N_("No forum has this code. Look at the code on your invitation."), "warning"
    ),
    "Enter the join code again": Easy(N_("Write the join code again"), "key"),
    "Choose woman, man or prefer not to say": Easy(N_("Choose an answer"), "warning"),
    "Choose yes, no or prefer not to say": Easy(N_("Choose an answer"), "warning"),
    "Tick the box to agree, or choose prefer not to say for the questions about you": Easy(
        N_("Tick the box. Or do not answer the questions about you."), "warning"
    ),
    "Choose the agenda item": Easy(N_("Choose what it is about"), "warning"),
    "Write the input": Easy(N_("Write what you think"), "warning"),
    "Choose agree, disagree or pass": Easy(N_("Choose an answer"), "warning"),
    "I agree that Suara keeps these answers to count who takes part": Easy(
        N_("Suara may keep my answers to count who takes part"), "check"
    ),
    "No forum has this code. Check the code and try again": Easy(
        N_("No forum has this code. Look at the code. Try again."), "warning"
    ),
    "Enter the join code": Easy(N_("Write the join code"), "warning"),
    "Enter the 6 letters and numbers of the join code, like K7M 2PQ": Easy(
        N_("Write 6 letters and numbers, like K7M 2PQ"), "warning"
    ),
    "Agree": Easy(picture="thumbs-up"),
}

# "You said, we did" and being told of a follow-up (forums/routes/follow_up.py, the join form).
EASY.update(
    {
        "You said, we did: what became of this forum's agreements": Easy(
            N_("What the government did after this forum"), "check"
        ),
        "Hear what becomes of it (you can skip this)": Easy(
            N_("Get a message about what happens next (you can skip this)"), "envelope"
        ),
        "Messages about the follow-up": Easy(N_("Messages about what happens next"), "envelope"),
        (
            "We send a short message when the agency moves on a follow-up the forum "
            "agreed. Nothing else."
        ): Easy(N_("We send a short message when the work moves on. Nothing else."), "envelope"),
        "Your email address or phone number (optional)": Easy(
            N_("Your email or phone number (you can skip this)"), "envelope"
        ),
        "Only to send these messages. It is never shown.": Easy(
            N_("We use it only for these messages. No one sees it."), "lock"
        ),
        "Enter an email address or a phone number to be told": Easy(
            N_("Write an email or a phone number"), "warning"
        ),
        "Tick the box to be told, or leave the email or phone empty": Easy(
            N_("Tick the box. Or leave the email or phone empty."), "warning"
        ),
        ("Enter an email address like nama@contoh.id or a phone number like 0812 3456 7890"): Easy(
            N_("Write an email like nama@contoh.id or a phone like 0812 3456 7890"), "warning"
        ),
        "Tell me when a follow-up of this forum moves on": Easy(
            N_("Send me a message when the work moves on"), "envelope"
        ),
    }
)

ALREADY_EASY: dict[str, tuple[str, ...]] = {
    "short": (
        "Join code:",
        "Join",
        "Thank you. Your input was sent.",
        "Send input",
        "Voice message",
        "No new inputs",
        "Check for new inputs",
        "No input yet.",
        "When",
        "Where",
        "Send",
        "Agenda item:",
        "Save my dots",
        "Save my answers",
        "Pause updates",
        "Resume updates",
        "Updates paused",
        "Updates on",
        "Reload the board",
        "Disagree",
        "Pass",
        "In person",
        "Online",
        "In person and online",
        "Coming up",
        "Happening now",
        "Ended",
        "Planned",
        "In progress",
        "Done",
        "Not going ahead",
        "Not set yet",
    ),
    "placeholder": (
        "1 new input – show",
        "%(num)s new inputs – show",
        "1 new input",
        "%(num)s new inputs",
        "You have %(num)s dot. Put it on the input that matters most to you.",
        "Dots, from 0 to %(max)s",
        "Join at %(url)s with the code",
        "%(num)s waiting",
        "Last updated at %(time)s.",
        "Your name must be %(max)s characters or fewer",
        "The input must be %(max)s characters or fewer",
        "Enter a whole number from 0 to %(max)s",
        "You have %(num)s dot: take some away so they add up to %(num)s or fewer",
        "Enter a whole number of dots from 1 to %(max)s",
        "The statement must be %(max)s characters or fewer",
    ),
    "staff": (
        "Choose woman, man or not known",
        "Choose an agenda item, or all inputs",
        "Write the statement",
        "Participant",
        "Facilitator",
        "No agency yet",
    ),
    "name": (
        "Sign-language interpreter (BISINDO)",
        "Live captions",
        "Large print or braille",
        "Women",
        "Young people (16–30)",
        "People with disabilities",
    ),
}
