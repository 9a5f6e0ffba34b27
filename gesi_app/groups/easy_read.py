"""Easy read of the community groups' citizen pages: the directory, a group, registration.

EASY: each standard message (msgid) with its easy-read words and picture, made active by
i18n/easy.py when a person turns easy read on. ALREADY_EASY: the messages of these pages
that keep their words, by the reason (i18n.easy.REASONS) a reviewer accepted.
"""

from __future__ import annotations

from gesi_app.i18n.easy import N_, Easy

EASY: dict[str, Easy] = {
    "Community groups": Easy(picture="people"),
    "Groups that speak for their members. Register your group.": Easy(
        N_("Groups speak for their members. Is your group here?"), "people"
    ),
    (
        "These groups speak for their members: people with disabilities, women, young "
        "people and others."
    ): Easy(N_("A group speaks for many people."), "people"),
    "An admin checked each group. We show how many members a group has, never their names.": Easy(
        N_("We checked each group. We never show names of members."), "check"
    ),
    "A count under 5 is hidden, so no one can be recognised.": Easy(
        N_("We hide numbers under 5. This keeps people safe."), "lock"
    ),
    "Register your group": Easy(picture="pencil"),
    "Find groups": Easy(picture="search"),
    "No groups match what you chose.": Easy(N_("We found no groups."), "search"),
    "Clear the filters and see all groups": Easy(N_("See all groups")),
    "No groups are listed yet.": Easy(N_("There are no groups yet."), "people"),
    "Collective reports": Easy(picture="megaphone"),
    "This group has not sent a collective report yet.": Easy(
        N_("This group has sent no report yet."), "megaphone"
    ),
    "We cannot find this group": Easy(picture="warning"),
    "The group may not be approved yet, or the address is wrong.": Easy(
        N_("We have not checked this group yet. Or the address is wrong.")
    ),
    "Register a community group": Easy(picture="pencil"),
    "Does your group speak for people who are not often heard? Register it here.": Easy(
        N_("Does your group speak for people? Tell us about it here."), "people"
    ),
    "You need the number of members: all, women, young people and people with disabilities.": (
        Easy(N_("You need to know how many members the group has."), "list")
    ),
    "We ask your name and an email address or phone number. Only the admins see them.": Easy(
        N_("We ask your name and how to reach you. Only we see it."), "lock"
    ),
    "An admin checks the group. Then it shows in the list of groups.": Easy(
        N_("We check the group. Then everyone can see it."), "check"
    ),
    "We never show the names of members.": Easy(picture="eye-slash"),
    "Give an email address, a phone number, or both. For example 0812 3456 7890.": Easy(
        N_("Write an email address or a phone number. Or both.")
    ),
    "Now send the registration": Easy(picture="envelope"),
    (
        "An admin checks the group. When it is approved, it shows in the list of groups. "
        "Your name and contact are never shown."
    ): Easy(N_("We check the group. Then everyone can see it. We never show your name."), "check"),
    "Your group is registered": Easy(N_("We got your group"), "check"),
    "Your reference": Easy(picture="key"),
    "An admin checks the group. If they have a question, they contact you.": Easy(
        N_("We check the group. We call or write if we have a question."), "check"
    ),
    (
        "When the group is approved, it shows in the list of groups. Keep the reference: "
        "give it when you ask about the group."
    ): Easy(N_("Keep the reference. Give it when you ask us about the group."), "key"),
    "Choose the village (desa or kelurahan), or choose the whole district": Easy(
        N_("Choose the village. Or choose the whole district."), "warning"
    ),
    "Enter the number of members as a whole number from 1 to 100,000": Easy(
        N_("Write a number from 1 to 100,000."), "warning"
    ),
    "Enter how many members are women. Enter 0 if none": Easy(
        N_("How many are women? Write 0 if none."), "warning"
    ),
    "Enter how many members are young people. Enter 0 if none": Easy(
        N_("How many are young? Write 0 if none."), "warning"
    ),
    "Enter how many members have a disability. Enter 0 if none": Easy(
        N_("How many have a disability? Write 0 if none."), "warning"
    ),
    "Enter the number of women as a whole number, like 12": Easy(
        N_("Write a number, like 12."), "warning"
    ),
    "Enter the number of young people as a whole number, like 12": Easy(
        N_("Write a number, like 12."), "warning"
    ),
    "Enter the number of people with disabilities as a whole number, like 12": Easy(
        N_("Write a number, like 12."), "warning"
    ),
    "The number of women cannot be more than all members": Easy(
        N_("This number is bigger than all members."), "warning"
    ),
    "The number of young people cannot be more than all members": Easy(
        N_("This number is bigger than all members."), "warning"
    ),
    "The number of people with disabilities cannot be more than all members": Easy(
        N_("This number is bigger than all members."), "warning"
    ),
    "Write at least 10 characters about who the group speaks for": Easy(
        N_("Write a little more."), "warning"
    ),
    "Write 300 characters or fewer about who the group speaks for": Easy(
        N_("Write less. Use 300 letters or fewer."), "warning"
    ),
    "Enter an email address or a phone number, so we can reach you": Easy(
        N_("Write an email address or a phone number."), "warning"
    ),
    "A group run by and for people with disabilities.": Easy(
        N_("A group of people with disabilities.")
    ),
    "Count each person in every line that fits. A young woman counts as a woman and as a young person.": Easy(  # noqa: E501  # the msgid is one sentence pair
        N_("Count a person in each line that fits them."), "people"
    ),
    "You register the group for it. Only the admins see your name and contact. They are never public.": Easy(  # noqa: E501  # the msgid is one sentence pair
        N_("Only we see your name and contact. Nobody else sees them."), "lock"
    ),
    "What is the name of your group?": Easy(picture="people"),
    "How many members does the group have?": Easy(picture="people"),
    "How can we reach you?": Easy(picture="envelope"),
    "Which district (kecamatan) is the group in?": Easy(N_("Where is the group?"), "pin"),
    "Which village (desa or kelurahan) is the group in?": Easy(
        N_("In which village is the group?"), "pin"
    ),
}

EASY[
    "Public reports this group sent on behalf of its members. Reports kept from the public "
    "are not listed."
] = Easy(N_("These are reports the group sent for its members."), "list")

ALREADY_EASY: dict[str, tuple[str, ...]] = {
    "short": (
        "On behalf of",
        "1 person",
        "Kind of group",
        "Show groups",
        "Groups",
        "Who the group speaks for",
        "Members",
        "fewer than 5",
        "All members",
        "See the community groups",
        "Your name",
        "Email address",
        "Mobile phone number",
        "You can write up to 300 characters.",
        "Send the registration",
        "Enter the name of the group",
        "Write a name of at least 3 characters",
        "Write a name of 120 characters or fewer",
        "Choose the kind of group",
        "Choose the district (kecamatan) of the group",
        "Enter how many members the group has",
        "Say who the group speaks for",
        "Enter your name",
        "For example a women's cooperative or a PKK group.",
        "For example Karang Taruna or a student group.",
        "For example a farmers' group or a group of older people.",
        "The whole district",
        "Name of the group",
        "Phone number",
        "Write it as people know it.",
        "What kind of group is it?",
        "Who does the group speak for?",
        "For example: Deaf people in Kecamatan Cikupa and their families.",
        "All kinds",
    ),
    "name": (
        "Young people (16 to 30 years old)",
        "Disability organisation",
        "Women's group",
        "Youth group",
        "Other community group",
    ),
    "placeholder": (
        "%(num)s people",
        "%(desa)s, Kecamatan %(kecamatan)s",
        "Kecamatan %(kecamatan)s",
        "All members: %(num)s",
        "Women: %(num)s",
        "Young people: %(num)s",
        "People with disabilities: %(num)s",
    ),
}
