# ruff: noqa: E501 - prose templates read better unwrapped
"""Allegation scenarios: who, where, what happened, as templates with slots.

Story slots are filled with `str.format_map`; the keys are those of `answers.story_slots`.
Each story is a sequence of sentence slots; an empty alternative means the slot may be
left out, and every description runs to three to six sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest_service.synthetic.pools import Gender

Slot = tuple[str, ...]


@dataclass(frozen=True)
class Scenario:
    """One kind of referral, with the labels a careful LADO officer would give it."""

    key: str
    sector: str
    allegation_types: tuple[str, ...]
    roles: tuple[str, ...]
    employers: tuple[str, ...]
    employer_kinds: tuple[str, ...]
    referrer_roles: tuple[str, ...]
    locations: tuple[str, ...]
    story: tuple[Slot, ...]
    actions: tuple[str, ...]
    made_by: tuple[str, ...] = ("child",)
    bases: tuple[str, ...] = ("permanent",)
    injury: str = "no"
    child_ages: tuple[int, int] = (6, 15)
    max_children: int = 1
    in_care: bool = False
    police: str = "no"
    statuses: tuple[str, ...] = ("suspended",)
    subject_gender: Gender | None = None
    referrer_org: str | None = None
    school_email: bool = False
    other_roles: tuple[str, ...] = ("Not known", "None known")


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        key="primary_teacher_grab",
        sector="education",
        allegation_types=("physical",),
        roles=("Class teacher (Year {year})", "Teacher, Year {year}"),
        employers=("{town} Primary School", "St Aidan's CE Primary School, {town}"),
        employer_kinds=("School (maintained primary)", "Primary school"),
        referrer_roles=("Headteacher and DSL", "Designated Safeguarding Lead"),
        locations=("Year {year} classroom", "School playground"),
        story=(
            (
                "At about {time} on {day} {c} was refusing to return to {cp} seat after a falling out with another pupil.",
                "On {day} afternoon {c} became upset during a maths lesson and would not line up for assembly.",
            ),
            (
                "Two pupils and the teaching assistant, {w}, say that {a} grabbed {c} by the top of the arm and pulled {co} across the room.",
                "{w}, who was in the room, saw {a} take hold of {c}'s wrist and drag {co} to the door, saying 'when I tell you to move, you move'.",
            ),
            ("{c} cried and said {cp} arm hurt.", ""),
            (
                "At home time {cp} mother noticed red finger-shaped marks on {cp} upper arm and photographed them.",
                "I have seen the marks myself and they were still visible the next morning.",
            ),
            (
                "{a} accepts {he} took hold of {c} but says {he} did not use force.",
                "{a} says {he} was guiding {c} and was worried {cs} would run off.",
                "",
            ),
        ),
        actions=(
            "Statements taken from {w} and the two pupils.",
            "Parents informed and photographs kept on file.",
            "{a} told not to return to class pending LADO advice.",
            "Chair of governors informed.",
        ),
        injury="yes",
        child_ages=(5, 10),
        made_by=("child", "colleague", "parent_carer"),
        school_email=True,
        other_roles=("Coaches an under-10s football team at weekends", "Not known", "None known"),
    ),
    Scenario(
        key="secondary_teacher_instagram",
        sector="education",
        allegation_types=("sexual", "online_safety"),
        roles=("Teacher of Science", "Teacher of Geography and Head of Year {year}"),
        employers=("{town} High School", "{town} Academy"),
        employer_kinds=("Academy (secondary)", "Secondary school"),
        referrer_roles=("Deputy Headteacher / DSL", "Designated Safeguarding Lead"),
        locations=("Online (Instagram)", "Instagram and Snapchat (personal accounts)"),
        story=(
            (
                "On {day} a friend of {c} showed our pastoral lead screenshots of Instagram messages sent to {c} from {a}'s personal account.",
                "{c}'s mother emailed me on {day} evening with photographs of messages {cs} had been receiving from {a}.",
            ),
            (
                "The messages began with help on coursework but over the last three weeks {a} has told {c} that {cs} is 'mature for your age' and asked for a photo of {co} 'dressed up for the weekend'.",
                "In the messages {a} comments on {c}'s appearance, asks whether {cs} has a boyfriend and asks {co} to delete the chat afterwards.",
            ),
            ("Several messages were sent after midnight.", ""),
            (
                "{c} says {cs} did not send any pictures but felt uncomfortable and did not know how to stop it.",
                "{c} was upset when spoken to and asked that {a} is not told it was {co} who came forward.",
            ),
            (
                "{a} has not yet been spoken to.",
                "Staff are not permitted to contact pupils on personal accounts.",
                "",
            ),
        ),
        actions=(
            "Screenshots saved and secured by the DSL.",
            "Headteacher informed.",
            "No contact with {a} pending LADO and police advice.",
            "{c} supported by the pastoral team.",
        ),
        child_ages=(14, 16),
        made_by=("child", "parent_carer"),
        police="yes",
        school_email=True,
    ),
    Scenario(
        key="teaching_assistant_belittling",
        sector="education",
        allegation_types=("emotional",),
        roles=("Teaching assistant (SEN support)", "Learning support assistant"),
        employers=("{town} Community School", "Kingfisher Academy, {town}"),
        employer_kinds=("School", "Academy (all-through)"),
        referrer_roles=("SENCo and deputy DSL", "Headteacher"),
        locations=("Classroom", "The school's quiet room"),
        story=(
            (
                "{c} has an EHCP for autism and is supported one-to-one by {a} for most of the school day.",
                "{c} has speech and language needs and is supported by {a} in lessons.",
            ),
            (
                "On {day}, {w} heard {a} shout at {c} in front of the class, calling {co} 'pathetic' and saying 'nobody wants to sit next to you'.",
                "A supply teacher, {w}, reports that {a} mocked {c}'s speech in front of other pupils and told {co} {cs} would be 'sent away to a special school'.",
            ),
            ("The class went quiet and some pupils laughed.", ""),
            (
                "{c} has since refused to come into school and told {cp} mother that {a} 'hates me'.",
                "{c} was found crying in the toilets afterwards and has been anxious about coming in.",
            ),
            ("{a} denies shouting and says {he} was being firm.", ""),
        ),
        actions=(
            "{a} moved to work with a different year group.",
            "Parents informed and a meeting held.",
            "Written account obtained from {w}.",
        ),
        child_ages=(7, 13),
        made_by=("colleague", "other_professional"),
        statuses=("redeployed", "working"),
        subject_gender="female",
        school_email=True,
    ),
    Scenario(
        key="teacher_lifts_and_gifts",
        sector="education",
        allegation_types=("inappropriate_conduct",),
        roles=("Teacher of Music", "Teacher of Drama"),
        employers=("{town} College", "{town} School"),
        employer_kinds=("Sixth form college", "Secondary school"),
        referrer_roles=("Designated Safeguarding Lead", "Assistant Principal (Safeguarding)"),
        locations=("School and in {his} car", "Off site"),
        story=(
            (
                "Staff have noticed that {a} has been giving {c} lifts home after rehearsals, without the parents' knowledge or any record.",
                "A colleague raised that {a} bought {c} a pair of concert tickets and has given {co} lifts on at least three occasions.",
            ),
            (
                "{c} told {w} that {a} lets {co} sit in {his} classroom at lunch and has given {co} {his} personal mobile number 'in case you need to talk'.",
                "{a} has been seen messaging on {his} personal phone during lessons and {c} says these are messages from {co}.",
            ),
            ("There is no suggestion of anything sexual.", ""),
            (
                "This is against our staff code of conduct and {a} was reminded of it in the autumn term.",
                "{c} is a vulnerable young person who has recently lost a parent.",
            ),
        ),
        actions=(
            "{a} spoken to by the headteacher and given written guidance.",
            "Parents informed.",
            "Record of the concern kept on file.",
        ),
        child_ages=(14, 17),
        made_by=("colleague",),
        statuses=("working",),
        school_email=True,
    ),
    Scenario(
        key="nursery_child_unattended",
        sector="early_years",
        allegation_types=("neglect",),
        roles=("Nursery practitioner (Level 3)", "Early years practitioner"),
        employers=("Little Acorns Day Nursery, {town}", "Busy Bees Pre-School {town}"),
        employer_kinds=("Day nursery", "Pre-school"),
        referrer_roles=("Nursery manager", "Setting manager and DSL"),
        locations=("Nursery garden", "Sleep room"),
        story=(
            (
                "On {day} at about {time}, {c}, aged {age}, was found alone in the nursery garden by a parent arriving to collect another child.",
                "On {day}, {c} was left asleep in the sleep room for around forty minutes with no member of staff checking on {co}.",
            ),
            (
                "{a} was responsible for {c}'s group and had taken the other children inside without doing a headcount.",
                "{a} had been asked to stay with the sleeping children but went to the staff room to use {his} phone.",
            ),
            ("The garden gate onto the car park was found unlatched.", ""),
            (
                "{c} was unhurt but was distressed and crying.",
                "The sleep check chart had been filled in by {a} for times when {he} was not in the room.",
            ),
            ("{a} accepts {he} lost track of {c} and is very upset.", ""),
        ),
        actions=(
            "Parents informed the same day.",
            "Ofsted notified.",
            "Headcount procedure reissued to all staff.",
            "{a} suspended pending investigation.",
        ),
        child_ages=(1, 4),
        made_by=("parent_carer", "colleague"),
        subject_gender="female",
    ),
    Scenario(
        key="nursery_force_feeding",
        sector="early_years",
        allegation_types=("physical",),
        roles=("Room leader (toddler room)", "Nursery assistant"),
        employers=("Sunflower Nursery {town}", "Rainbow Tots Nursery"),
        employer_kinds=("Private day nursery", "Nursery"),
        referrer_roles=("Nursery manager", "Deputy manager"),
        locations=("Toddler room at lunchtime",),
        story=(
            (
                "At lunch on {day}, {w} saw {a} hold {c}'s jaw and push spoonfuls of food into {cp} mouth while {cs} was crying and turning away.",
                "An apprentice, {w}, reports that {a} held {c}'s hands down and force-fed {co} when {cs} would not eat {cp} lunch.",
            ),
            ("{c} gagged and was sick.", "{c} is {age} and has a known aversion to some textures."),
            (
                "{w} says this has happened before with children who will not eat.",
                "{w} told the manager at the end of the day.",
            ),
            ("{a} says {he} was only encouraging {c} to eat.", ""),
        ),
        actions=(
            "{a} sent home.",
            "Parents informed.",
            "Ofsted notified.",
            "Statement taken from {w}.",
        ),
        child_ages=(1, 3),
        made_by=("colleague",),
        subject_gender="female",
    ),
    Scenario(
        key="childminder_partner",
        sector="early_years",
        allegation_types=("risk_by_association",),
        roles=("Registered childminder",),
        employers=("Self-employed childminder, {town}",),
        employer_kinds=("Childminder",),
        referrer_roles=("Early years quality officer", "Early years safeguarding adviser"),
        referrer_org="{council}",
        locations=("Childminder's home",),
        bases=("self_employed",),
        story=(
            (
                "{a} is a registered childminder who cares for up to six children in {his} home.",
                "{a} has been childminding from {his} home for several years.",
            ),
            (
                "We have learned from the police that {his} new partner, who moved into the house last month, has a conviction for offences against a child.",
                "A parent told us that {a}'s partner is now living at the house and the police have confirmed he is a registered sex offender.",
            ),
            ("{a} did not tell Ofsted or us about the change in household.", ""),
            (
                "{c}, aged {age}, is one of the children {he} currently cares for.",
                "The children are cared for in the family home during the day, when the partner may be present.",
            ),
        ),
        actions=(
            "Ofsted informed.",
            "Parents of children attending told that care should not take place in the home for now.",
            "Advice sought from the police.",
        ),
        child_ages=(1, 4),
        made_by=("police", "parent_carer"),
        police="yes",
        statuses=("not_working", "unknown"),
        subject_gender="female",
    ),
    Scenario(
        key="foster_carer_partner_offences",
        sector="fostering_la",
        allegation_types=("risk_by_association",),
        roles=("Foster carer", "Approved foster carer (kinship)"),
        employers=("{council} Fostering Service",),
        employer_kinds=("Local authority fostering", "LA fostering service"),
        referrer_roles=("Supervising social worker", "Fostering team manager"),
        locations=("Foster home",),
        bases=("foster_carer",),
        story=(
            (
                "{a} has been an approved foster carer with us since 2019 and has {kids} in placement.",
                "{kids} {have} been placed with {a} for just over a year.",
            ),
            (
                "During an unannounced visit on {day} I found that {his} new partner was staying at the house.",
                "{a} told me on {day} that {he} has begun a relationship and that {his} partner stays several nights a week.",
            ),
            (
                "Police checks show the partner has a caution for assaulting a child and a history of domestic abuse.",
                "A check has shown that the partner was convicted of an offence involving a child in 2016.",
            ),
            (
                "{a} says {he} did not know about the partner's history.",
                "The partner has not been assessed as a household member.",
                "",
            ),
        ),
        actions=(
            "Safety plan agreed: the partner is not to stay at the house.",
            "Children's social workers informed.",
            "Fostering panel chair informed.",
        ),
        child_ages=(4, 14),
        max_children=2,
        in_care=True,
        made_by=("other_professional", "police"),
        police="yes",
        statuses=("working", "not_working"),
        subject_gender="female",
    ),
    Scenario(
        key="kinship_carer_drink_driving",
        sector="fostering_la",
        allegation_types=("personal_life",),
        roles=("Kinship foster carer (grandparent)", "Connected person foster carer"),
        employers=("{council} Children's Services - Fostering",),
        employer_kinds=("Local authority fostering",),
        referrer_roles=("Supervising social worker",),
        locations=("Outside work (public road)",),
        bases=("foster_carer",),
        story=(
            (
                "{a} is the approved kinship carer for {his} grandchild {c}, aged {age}.",
                "{c} has lived with {a}, {cp} uncle, under a kinship arrangement since 2023.",
            ),
            (
                "On {day} evening {a} was arrested for driving over the limit after a minor collision in {town}.",
                "{a} told me on {day} that {he} had been charged with drink-driving after being stopped by police the previous weekend.",
            ),
            ("{c} was not in the car and was being looked after by a neighbour.", ""),
            (
                "{a} regularly drives {c} to school and to contact.",
                "{a} has a court date next month.",
            ),
        ),
        actions=(
            "{a} agreed not to drive {c} anywhere until the LADO meeting.",
            "{c}'s social worker informed.",
            "Alternative transport arranged for school.",
        ),
        child_ages=(5, 12),
        in_care=True,
        made_by=("self_report", "police"),
        police="yes",
        statuses=("working",),
        subject_gender="male",
    ),
    Scenario(
        key="ifa_carer_smacking",
        sector="fostering_ifa",
        allegation_types=("physical",),
        roles=("Foster carer",),
        employers=("Horizon Family Placements Ltd", "Brightpath Fostering"),
        employer_kinds=("Independent fostering agency", "IFA"),
        referrer_roles=("Supervising social worker", "Registered manager"),
        locations=("Foster home", "Supermarket car park"),
        bases=("foster_carer",),
        story=(
            (
                "{c} told {cp} teacher on {day} that {cp} foster carer, {a}, smacked {co} on the legs the night before for swearing.",
                "On {day} {c} arrived at school with a red mark on {cp} cheek and told the DSL that {a} had slapped {co}.",
            ),
            (
                "The school nurse saw a red mark consistent with a hand.",
                "{c} says it has happened 'a few times' when {cs} is naughty.",
            ),
            ("{c} is {age} and has been in the placement since the summer.", ""),
            (
                "{a} denies hitting {c} and says {cs} fell against a door.",
                "{a} told me {he} 'tapped' {c} on the arm to stop {co} running into the road.",
            ),
        ),
        actions=(
            "{c} moved to a respite carer pending the strategy discussion.",
            "Placing authority informed.",
            "Regulation 36 notification to Ofsted made.",
        ),
        injury="yes",
        child_ages=(6, 12),
        in_care=True,
        made_by=("child", "other_professional"),
        police="yes",
        statuses=("not_working",),
    ),
    Scenario(
        key="ifa_carer_threats",
        sector="fostering_ifa",
        allegation_types=("emotional",),
        roles=("Foster carer",),
        employers=("Compass Point Fostering", "Meadowbank Family Placements"),
        employer_kinds=("Independent fostering agency",),
        referrer_roles=("Supervising social worker",),
        locations=("Foster home",),
        bases=("foster_carer",),
        story=(
            (
                "{kids} told {their} social worker during a visit on {day} that {a} often tells them {he} will 'send you back' when they misbehave.",
                "During a visit on {day} {kids} said that {a} shouts at them and calls them names.",
            ),
            (
                "{c} says {a} locked {cp} phone away for a week and told {co} {cp} mum 'doesn't care about you'.",
                "{c} says {a} made {co} stand in the garden in the rain as a punishment.",
            ),
            ("The children appeared anxious and asked whether they would be moved.", ""),
            (
                "{a} says the children are exaggerating and that the placement has been under strain.",
                "The placing authority's social worker shares our concerns.",
            ),
        ),
        actions=(
            "Unannounced visit completed.",
            "Placing authority informed.",
            "Additional supervision visits arranged.",
        ),
        child_ages=(8, 15),
        max_children=2,
        in_care=True,
        made_by=("child",),
        statuses=("working", "unknown"),
    ),
    Scenario(
        key="residential_restraint_bruising",
        sector="residential_care",
        allegation_types=("physical", "physical_intervention"),
        roles=("Residential support worker", "Residential care worker (team leader)"),
        employers=("Willowmere House", "Greystones School (residential)"),
        employer_kinds=("Children's home", "Residential special school"),
        referrer_roles=("Registered manager", "Head of care"),
        locations=("Lounge", "Corridor outside {cp} bedroom"),
        bases=("permanent", "agency"),
        story=(
            (
                "On {day} evening {c} became distressed and was hitting out at staff.",
                "{c} ({age}) was trying to leave the home at about {time} on {day} and kicked a member of staff.",
            ),
            (
                "{w} reports that {a} took {c} to the floor face down, which is not in {cp} behaviour support plan, and knelt across {cp} back.",
                "{a} and a colleague held {c} in a standing hold, but {w} says {a} then twisted {cp} arm behind {cp} back.",
            ),
            ("{c} shouted that {cs} could not breathe.", ""),
            (
                "The next morning staff found bruising to both of {c}'s upper arms.",
                "A body map records bruising to {c}'s wrist and a graze on {cp} chin.",
            ),
            (
                "The restraint record written by {a} describes a standing hold only.",
                "{a} says {c} went to the ground on {cp} own.",
                "",
            ),
        ),
        actions=(
            "Body map and photographs completed.",
            "{c} seen by the GP.",
            "Ofsted notified under Regulation 40.",
            "{a} suspended.",
        ),
        injury="yes",
        child_ages=(10, 16),
        in_care=True,
        made_by=("colleague", "child"),
        police="unknown",
    ),
    Scenario(
        key="residential_gifts_contact",
        sector="residential_care",
        allegation_types=("inappropriate_conduct",),
        roles=("Residential support worker (nights)", "Senior residential worker"),
        employers=("Evergreen Care Homes Ltd - Oak Lodge", "Maple View Children's Home"),
        employer_kinds=("Children's home",),
        referrer_roles=("Registered manager", "Deputy manager"),
        locations=("Children's home and off site",),
        bases=("agency", "permanent"),
        story=(
            (
                "A colleague found vapes and cash in {c}'s room on {day} and {c} said {a} had given them to {co}.",
                "{c} told {cp} key worker that {a} has been buying {co} takeaways and vapes.",
            ),
            (
                "{c} also said that {a} has given {co} {his} personal number and they message each other when {he} is off shift.",
                "{a} has been seen taking {c} out in {his} own car without recording it.",
            ),
            ("Nothing sexual has been disclosed.", ""),
            (
                "{a} says {he} was trying to build a relationship with a young person who is hard to engage.",
                "{a} was spoken to about boundaries with {c} in the spring.",
            ),
        ),
        actions=(
            "{a} removed from the rota.",
            "Ofsted notified.",
            "Placing authority informed.",
        ),
        child_ages=(13, 17),
        in_care=True,
        made_by=("child", "colleague"),
        statuses=("not_working", "suspended"),
    ),
    Scenario(
        key="family_support_whatsapp",
        sector="social_care",
        allegation_types=("online_safety",),
        roles=("Family support worker", "Social worker (children in need team)"),
        employers=("{council} Children's Services",),
        employer_kinds=("Local authority children's social care",),
        referrer_roles=("Team manager, Early Help", "Service manager"),
        locations=("WhatsApp (personal accounts)",),
        story=(
            (
                "{c}'s mother came to the office on {day} and showed me messages on {cp} phone.",
                "{c} showed {cp} teacher a series of WhatsApp messages from {a} on {day}.",
            ),
            (
                "{a}, who has worked with the family since the autumn, has been sending {c} messages from {his} personal phone, several after 11pm.",
                "{a} has been messaging {c} on WhatsApp from {his} own phone and following {co} on TikTok.",
            ),
            (
                "The messages are mostly jokes and chat about football but include 'don't tell your social worker lol'.",
                "The messages are friendly in tone but include pictures of {a} on nights out.",
            ),
            (
                "Work phones are provided and staff must not use personal accounts with families.",
                "",
            ),
            ("{a} accepts the contact.", ""),
        ),
        actions=(
            "Case reallocated.",
            "{a} asked to block {c} and has done so in front of me.",
            "HR and Head of Service informed.",
        ),
        child_ages=(12, 16),
        made_by=("parent_carer", "child"),
        statuses=("redeployed",),
    ),
    Scenario(
        key="ward_assistant_rough_handling",
        sector="health",
        allegation_types=("physical", "emotional"),
        roles=("Healthcare assistant, children's ward", "Staff nurse (paediatrics)"),
        employers=("{town} Hospitals NHS Foundation Trust",),
        employer_kinds=("NHS trust", "Health"),
        referrer_roles=("Named nurse, safeguarding children", "Ward manager"),
        locations=("Children's ward, bay {year}",),
        story=(
            (
                "{c}, aged {age}, was admitted on {day} for observation after a seizure.",
                "{c} was on the ward on {day} night for an IV antibiotic course.",
            ),
            (
                "{c}'s mother says that when {c} pulled at {cp} cannula {a} shouted 'stop being a baby' and pinned {cp} arm to the bed.",
                "{w}, a student nurse, saw {a} yank {c} up the bed by {cp} arm and tell {co} to 'shut up or you'll get another needle'.",
            ),
            ("{c} has a bruise on the inside of {cp} forearm.", ""),
            (
                "{c} is now frightened of staff and will not let anyone take observations.",
                "{c}'s parent raised a formal complaint the next morning.",
            ),
            ("{a} says {he} was holding the cannula site to stop bleeding.", ""),
        ),
        actions=(
            "{a} moved to an adult ward.",
            "Datix completed.",
            "Trust safeguarding team and HR informed.",
        ),
        injury="yes",
        child_ages=(3, 11),
        made_by=("parent_carer", "colleague"),
        statuses=("redeployed", "suspended"),
    ),
    Scenario(
        key="police_officer_domestic_abuse",
        sector="police",
        allegation_types=("personal_life",),
        roles=("Police constable (response)", "Police sergeant, schools liaison"),
        employers=("{town}shire Constabulary",),
        employer_kinds=("Police",),
        referrer_roles=("Detective Inspector, Professional Standards",),
        locations=("Outside work (home address)",),
        story=(
            (
                "{a} was arrested on {day} following a report of domestic abuse at {his} home address.",
                "On {day} officers attended {a}'s home after a neighbour reported shouting and a woman screaming.",
            ),
            (
                "{His} partner has a visible injury to her face and says there have been previous incidents.",
                "{His} partner alleges {a} pushed her against a wall and threatened her.",
            ),
            (
                "{a}'s two children, including {c} ({age}), were in the house at the time.",
                "{c}, {age}, was in the house and called the police.",
            ),
            (
                "{a} has been released on bail with conditions not to contact {his} partner.",
                "{a} works in a role that involves regular contact with young people in schools.",
            ),
        ),
        actions=(
            "Professional Standards investigation opened.",
            "{a} placed on restricted duties with no contact with children.",
            "Referral made to children's social care for the children.",
        ),
        child_ages=(4, 14),
        made_by=("police",),
        police="yes",
        statuses=("redeployed", "suspended"),
        subject_gender="male",
        other_roles=("Volunteers as a rugby coach", "Not known"),
    ),
    Scenario(
        key="taxi_escort_shouting",
        sector="transport",
        allegation_types=("emotional",),
        roles=("Passenger assistant (escort)", "Taxi escort, home-to-school transport"),
        employers=("{town} Cars Ltd", "Greenline Community Transport"),
        employer_kinds=("Home-to-school transport contractor", "SEN transport"),
        referrer_roles=("Designated Safeguarding Lead", "Headteacher"),
        referrer_org="{town} Special School",
        locations=("School taxi", "School minibus on the way to school"),
        bases=("agency", "temporary", "unknown"),
        story=(
            (
                "{c} is {age}, autistic and non-verbal, and travels to school by taxi with an escort.",
                "{c} has severe learning difficulties and uses a wheelchair.",
            ),
            (
                "On {day} our teaching assistant {w}, who was waiting to meet the taxi, heard the escort shouting 'shut up, you little animal' at {c}.",
                "{c}'s parent sent us a recording from a tracking device in {cp} bag in which the escort shouts at {co} and calls {co} 'disgusting'.",
            ),
            (
                "{c} arrived very distressed and was biting {cp} hand for most of the morning.",
                "{c} has been screaming when the taxi arrives and will not get in.",
            ),
            ("This is not behaviour {c} has shown for months.", ""),
        ),
        actions=(
            "Parents informed.",
            "Council transport team and the operator asked that {a} does not escort any of our pupils.",
            "Statement written by {w}.",
        ),
        child_ages=(6, 15),
        made_by=("other_professional", "parent_carer"),
        statuses=("unknown", "not_working"),
        school_email=True,
    ),
    Scenario(
        key="taxi_driver_boundaries",
        sector="transport",
        allegation_types=("inappropriate_conduct",),
        roles=("Taxi driver, home-to-school contract",),
        employers=("Swift Travel {town}", "Premier Private Hire"),
        employer_kinds=("Taxi firm (council contract)", "Transport"),
        referrer_roles=("Passenger transport manager",),
        referrer_org="{council} Passenger Transport",
        locations=("Taxi",),
        bases=("self_employed",),
        story=(
            (
                "{c}'s mother rang the transport team on {day} to say that the driver has been giving {c} sweets and energy drinks.",
                "{c} told {cp} parent that the taxi driver lets {co} sit in the front and has given {co} his mobile number.",
            ),
            (
                "The driver has stopped at a shop on the way home on at least two occasions with {c} alone in the car.",
                "{c} says the driver asks about {cp} friends and says {cs} is his 'favourite'.",
            ),
            ("There is no passenger assistant on this route.", ""),
            (
                "The operator says the driver has been told this is not acceptable.",
                "The driver has been on this route since September.",
            ),
        ),
        actions=(
            "Driver removed from the route.",
            "Licensing team informed.",
            "School informed.",
        ),
        child_ages=(8, 14),
        made_by=("parent_carer", "child"),
        statuses=("redeployed", "working"),
        subject_gender="male",
    ),
    Scenario(
        key="football_coach_snapchat",
        sector="sport_leisure",
        allegation_types=("online_safety", "inappropriate_conduct"),
        roles=("Volunteer coach (under-14s)", "Assistant coach"),
        employers=("{town} Juniors FC", "{town} Rovers Youth Football Club"),
        employer_kinds=("Sports club", "Grassroots football club"),
        referrer_roles=("Club welfare officer",),
        locations=("Snapchat", "Snapchat and at training"),
        bases=("volunteer",),
        story=(
            (
                "{c}'s parent contacted me on {day} after finding Snapchat messages from {a} on {c}'s phone.",
                "A player's parent told me on {day} that {a} had added several players on Snapchat.",
            ),
            (
                "{a} has been messaging {c} late at night, telling {co} {cs} is the best player in the squad and to keep their chats 'between us'.",
                "In the messages {a} offers {c} extra one-to-one sessions and a lift to training, and asks {co} not to tell the other players.",
            ),
            ("The FA guidance is clear that coaches should not message players directly.", ""),
            (
                "Nothing sexual has been seen, but {c}'s parents are worried about where this is heading.",
                "{c} has deleted some of the chats.",
            ),
        ),
        actions=(
            "{a} stood down from coaching.",
            "County FA designated safeguarding officer informed.",
            "Parents of the squad told that a concern is being looked into.",
        ),
        child_ages=(11, 14),
        made_by=("parent_carer",),
        statuses=("not_working", "suspended"),
        subject_gender="male",
    ),
    Scenario(
        key="swim_teacher_rough",
        sector="sport_leisure",
        allegation_types=("physical",),
        roles=("Swimming teacher", "Lifeguard and swim instructor"),
        employers=("{town} Leisure Centre", "Aquafit Swim School"),
        employer_kinds=("Leisure centre", "Swim school"),
        referrer_roles=("Duty manager", "Safeguarding lead"),
        locations=("Learner pool",),
        bases=("temporary", "self_employed", "permanent"),
        story=(
            (
                "During a lesson on {day}, {c}, aged {age}, refused to put {cp} face in the water.",
                "On {day}, a parent watching from the gallery saw {a} lose {his} temper with {c}.",
            ),
            (
                "{a} pushed {c}'s head under the water and held it there for a few seconds.",
                "{a} pulled {c} across the pool by {cp} hair and pushed {co} off the side.",
            ),
            ("{c} came up coughing and crying.", ""),
            (
                "The parent filmed part of it on their phone and complained to reception.",
                "Another parent has since said {a} was rough with their child last term.",
            ),
            ("{a} says it was a normal teaching technique.", ""),
        ),
        actions=(
            "CCTV reviewed and retained.",
            "{a} removed from lessons.",
            "Parents informed.",
        ),
        injury="no",
        child_ages=(5, 9),
        made_by=("parent_carer", "member_of_public"),
    ),
    Scenario(
        key="madrassa_teacher_hitting",
        sector="faith",
        allegation_types=("physical", "emotional"),
        roles=("Madrassa teacher", "Qur'an teacher (evening classes)"),
        employers=("{town} Central Mosque", "Masjid Al-Noor Education Centre"),
        employer_kinds=("Mosque / madrassa", "Faith setting"),
        referrer_roles=("Safeguarding officer", "Mosque committee secretary"),
        locations=("Classroom at the mosque",),
        bases=("volunteer", "self_employed"),
        story=(
            (
                "{kids} told {their} parents on {day} that {a} hits children with a ruler when they get their recitation wrong.",
                "A parent reported on {day} that {a} had slapped {c} across the back of the head during an evening class.",
            ),
            (
                "Other children say {a} shouts at them, calls them 'stupid' and makes them stand facing the wall.",
                "{c} says {a} twisted {cp} ear and told the class {cs} would 'go to hell'.",
            ),
            ("{c} has been refusing to attend.", ""),
            (
                "{a} has taught at the mosque for many years and is well respected.",
                "The committee met {a}, who denies hitting any child.",
            ),
        ),
        actions=(
            "{a} asked not to teach until the LADO has advised.",
            "Parents of the class informed.",
        ),
        injury="unknown",
        child_ages=(6, 11),
        max_children=2,
        made_by=("parent_carer", "child"),
        subject_gender="male",
    ),
    Scenario(
        key="youth_leader_arrested",
        sector="voluntary_youth",
        allegation_types=("personal_life",),
        roles=("Youth club leader", "Youth worker (sessional)"),
        employers=("{town} Youth Project", "Northside Youth Trust"),
        employer_kinds=("Youth club (charity)", "Voluntary organisation"),
        referrer_roles=("Chief executive and DSL", "Safeguarding lead"),
        locations=("Outside work",),
        bases=("volunteer", "permanent"),
        story=(
            (
                "{a} told me on {day} that {he} had been arrested at the weekend following an incident with {his} partner.",
                "We were told by the police on {day} that {a} has been arrested on suspicion of assaulting {his} partner.",
            ),
            (
                "We understand there are allegations of controlling behaviour and a physical assault at {his} home.",
                "{a} says it was an argument that got out of hand and that {he} has been released under investigation.",
            ),
            (
                "{a} runs two evening sessions a week for young people aged 11 to 16, including {c}.",
                "{a} leads our Friday night youth club and a mentoring group.",
            ),
            ("There are no concerns about {his} work with young people.", ""),
        ),
        actions=(
            "{a} asked to step back from sessions.",
            "Trustees informed.",
        ),
        child_ages=(11, 16),
        made_by=("self_report", "police"),
        police="yes",
        statuses=("not_working", "suspended"),
    ),
    Scenario(
        key="scout_leader_camp",
        sector="voluntary_youth",
        allegation_types=("neglect", "inappropriate_conduct"),
        roles=("Scout leader", "Assistant scout leader"),
        employers=("{town} 3rd Scout Group", "1st {town} Scouts"),
        employer_kinds=("Scouts", "Voluntary youth organisation"),
        referrer_roles=("District commissioner", "Group safeguarding lead"),
        locations=("Weekend camp at Hollin Woods",),
        bases=("volunteer",),
        story=(
            (
                "At the group's weekend camp on {day}, {a} was seen drinking heavily at the leaders' campfire.",
                "Two parents helping at camp on {day} reported that {a} was drunk while in charge of the patrol.",
            ),
            (
                "Later that night {kids} and three other scouts were left alone by the lake after dark while {a} went back to {his} tent.",
                "{c}, aged {age}, was found wandering on the road near the site after midnight, and {a} had not noticed {cs} was missing.",
            ),
            ("No child was hurt.", ""),
            (
                "{a} accepts {he} had 'a couple of beers' but says the children were never unsupervised.",
                "This is the second camp where alcohol has been a concern.",
            ),
        ),
        actions=(
            "{a} suspended from the scout role.",
            "Scouts headquarters safeguarding team informed.",
            "Parents informed.",
        ),
        child_ages=(10, 14),
        max_children=2,
        made_by=("parent_carer", "member_of_public"),
    ),
    Scenario(
        key="theatre_chaperone_images",
        sector="other",
        allegation_types=("sexual", "online_safety"),
        roles=("Licensed chaperone", "Stage manager"),
        employers=("Lantern Theatre Company", "{town} Stage Productions"),
        employer_kinds=("Other - theatre company", "Entertainment"),
        referrer_roles=("Child performance licensing officer",),
        referrer_org="{council}",
        locations=("Online (Instagram and WhatsApp)", "Theatre dressing rooms and online"),
        bases=("self_employed", "temporary"),
        story=(
            (
                "{c}, {age}, is performing in the pantomime and {a} is one of the chaperones.",
                "{c} was in the cast of the summer show, where {a} worked as a chaperone.",
            ),
            (
                "{c}'s mother found messages on {cp} phone in which {a} asks {co} for pictures 'in your pyjamas' and sends a sexual image.",
                "{a} has sent {c} messages of a sexual nature and asked {co} to send photos, telling {co} to keep it secret.",
            ),
            ("The messages were sent late at night over several weeks.", ""),
            (
                "{c}'s mother has kept the phone and reported it to the police.",
                "The company says other children in the cast have had friend requests from {a}.",
            ),
        ),
        actions=(
            "Chaperone licence suspended.",
            "Police informed and the phone kept for evidence.",
            "Theatre company informed.",
        ),
        child_ages=(10, 15),
        made_by=("parent_carer",),
        police="yes",
        statuses=("not_working",),
    ),
)
