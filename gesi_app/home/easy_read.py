"""Easy read of the start page, display settings, help, error pages and the page frame and form
components every citizen page shares (layouts/base.html, components/forms.html, web/errors.py).

EASY: each standard message (msgid) with its easy-read words and picture, made active by
i18n/easy.py when a person turns easy read on. ALREADY_EASY: the messages of these pages
that keep their words, by the reason (i18n.easy.REASONS) a reviewer accepted; the test
tests/unit/i18n/test_easy_read_coverage.py fails for a message in neither.
"""

from __future__ import annotations

from gesi_app.i18n.easy import N_, Easy

EASY: dict[str, Easy] = {
    "Make your voice heard": Easy(picture="megaphone"),
    (
        "Tell %(authority)s about a problem, an idea or a question. Everyone can use "
        "Suara, also with a screen reader or on a simple phone."
    ): Easy(N_("Tell the government about a problem. Everyone can use Suara."), "megaphone"),
    "Report a problem": Easy(picture="megaphone"),
    "Send a complaint, an idea or a question. It takes about 5 minutes.": Easy(
        N_("Tell us about a problem. Or give us an idea. It takes 5 minutes."), "megaphone"
    ),
    "Join a forum": Easy(picture="people"),
    "Take part in a public consultation forum. Use the join code you were given.": Easy(
        N_("Talk with the government at a meeting. You need the join code."), "people"
    ),
    "Check a report": Easy(picture="search"),
    "See what happened to your report. You need your tracking code.": Easy(
        N_("See what we did with your report. You need your tracking code."), "search"
    ),
    "Public reports": Easy(picture="eye"),
    "Read reports from other people and support them.": Easy(
        N_("Read reports from other people. Support the ones you agree with."), "eye"
    ),
    "Statistics": Easy(picture="chart"),
    "See who is heard: reports by women, young people and people with disabilities.": Easy(
        N_("See who talks to us. Women, young people, people with disabilities."), "chart"
    ),
    "Make Suara easier to use": Easy(picture="gear"),
    "Change text size, contrast, easy read and audio": Easy(
        N_("Make the text bigger. Use pictures. Listen."), "gear"
    ),
    "Display settings": Easy(picture="gear"),
    "Your settings are saved": Easy(picture="check"),
    "They apply to every page on this device.": Easy(
        N_("They work on every page of this phone or computer."), "check"
    ),
    "Choose how Suara looks and sounds on this device.": Easy(
        N_("Choose how Suara looks. Choose how Suara sounds."), "gear"
    ),
    "Nothing on the page moves or fades.": Easy(N_("Nothing on the page moves.")),
    "Play audio by itself?": Easy(N_("Play the sound by itself?"), "speaker"),
    "Yes, play each question when the page opens": Easy(N_("Yes, play each question by itself.")),
    "Where do you want Listen buttons?": Easy(picture="speaker"),
    "Beside each question, hint and choice": Easy(N_("Next to each question and answer.")),
    "Beside each question, hint and choice, on staff pages too": Easy(
        N_("Next to each question and answer. Also on staff pages.")
    ),
    "Nowhere: one Listen to this page button on each question page is enough": Easy(
        N_("Nowhere. One button to listen to the whole page is enough.")
    ),
    "Choose where Listen buttons show": Easy(N_("Choose where the Listen buttons go.")),
    "Help and contact": Easy(picture="question"),
    "Get help from a person": Easy(picture="person"),
    (
        "Visit the public service office of %(authority)s. A staff member can send a "
        "report for you."
    ): Easy(N_("Come to our office. We can write your report for you."), "house"),
    "Every page works with a keyboard, a screen reader and without JavaScript.": Easy(
        N_("You can use a keyboard on every page. You can use a screen reader too.")
    ),
    "There is no time limit. You can stop and come back to a report within 7 days.": Easy(
        N_("Take your time. You can stop. You can come back within 7 days."), "clock"
    ),
    "You can report without giving your name.": Easy(
        N_("You do not have to give your name."), "eye-slash"
    ),
    "Your personal data": Easy(picture="lock"),
    (
        "We use your data only to handle your report. Questions about you are optional. "
        "We count the answers only in groups of 5 people or more."
    ): Easy(
        N_(
            "We use your data only for your report. You can skip questions about you. We "
            "only count answers in groups of 5 or more."
        ),
        "lock",
    ),
    "Check the address. If you typed it, make sure every letter is right.": Easy(
        N_("Look at the address. Is every letter right?"), "search"
    ),
    "If you are looking for a report, use its tracking code.": Easy(
        N_("Looking for a report? Use its tracking code."), "search"
    ),
    "Many requests came from your connection in a short time. Wait 1 minute, then try again.": Easy(
        N_("You sent a lot very fast. Wait 1 minute. Then try again."), "clock"
    ),
    "Nothing you typed is lost.": Easy(N_("We kept what you wrote."), "check"),
    (
        "Go back to the page before. Make your text shorter or choose a smaller file, "
        "then send it again."
    ): Easy(N_("Go back. Make your text shorter. Or choose a smaller file. Then send it again.")),
    "Nothing you sent was kept.": Easy(N_("We did not keep what you sent.")),
    (
        "Go back to the page before and try again. If you were signed in, you may need "
        "to sign in again."
    ): Easy(N_("Go back. Try again. You may need to sign in again.")),
    "Go back to the page before and try again.": Easy(N_("Go back. Try again.")),
    "Try again in a few minutes. Nothing you sent before this is lost.": Easy(
        N_("Try again in a few minutes. We kept what you sent before."), "clock"
    ),
    "There is a problem": Easy(picture="warning"),
    "Record a voice message": Easy(picture="microphone"),
    "Record a sign-language video": Easy(picture="camera"),
    "Recording. Press Stop recording when you are done.": Easy(
        N_("We are recording. Press Stop recording at the end."), "microphone"
    ),
    "The recording stopped at 5 minutes. That is the longest it can be.": Easy(
        N_("The recording stopped. 5 minutes is the longest."), "clock"
    ),
    "We cannot use your microphone or camera. You can choose a file instead.": Easy(
        N_("We cannot use your microphone or camera. Choose a file instead.")
    ),
    (
        "Up to 5 minutes. A sound file (Ogg, WebM, MP4, M4A, MP3 or WAV) smaller than 20 "
        "MB, or a video (WebM or MP4) smaller than 50 MB."
    ): Easy(N_("Up to 5 minutes. Sound: smaller than 20 MB. Video: smaller than 50 MB."), "clock"),
    "We could not read that request": Easy(N_("We could not read what you sent"), "warning"),
    "You cannot do that here": Easy(picture="warning"),
    "Page not found": Easy(N_("We cannot find this page"), "search"),
    "What you sent is too large": Easy(picture="warning"),
    "Please wait a moment": Easy(N_("Wait a moment"), "clock"),
    "Something went wrong on our side": Easy(N_("Something broke on our side"), "warning"),
    "Choose whether audio plays by itself": Easy(N_("Choose yes or no"), "warning"),
}

ALREADY_EASY: dict[str, tuple[str, ...]] = {
    "short": (
        # The Listen control of every journey page (components/forms.html).
        "Listen to this page",
        "Text size",
        "Normal",
        "Large",
        "Largest",
        "Display",
        "Light text on a black background.",
        "Shorter sentences, with pictures.",
        "No, I press Listen",
        "Save settings",
        "Staff pages have none.",
        "Phone or WhatsApp:",
        "Email:",
        "Using Suara",
        "Go to the start page",
        "Error:",
        "Skip to main content",
        "Language",
        "Main menu",
        "Forums",
        "Help and settings",
        "Stop recording",
        "Your recording",
        "Day",
        "Month",
        "Year",
        "Back",
        "Choose a text size",
    ),
    "name": (
        "High contrast",
        "Reduce motion",
        "Easy read",
    ),
    "placeholder": (
        "Suara is run by %(authority)s.",
        "Characters left: %(num)s",
        "Characters too many: %(num)s",
    ),
}
