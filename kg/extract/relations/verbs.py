"""Curated English word lists the relation rules key on: lemmas, lower-cased."""

from __future__ import annotations

# ---------------------------------------------------------------- accusing, urging, responding

ACCUSE_VERBS = frozenset(
    {
        "accuse", "allege", "blame", "sue", "criticize", "criticise", "denounce", "condemn",
        "attack", "charge", "slam", "fault", "lambast", "castigate", "rebuke", "indict",
        "prosecute", "countersue", "berate", "chastise", "reproach", "assail", "vilify", "impeach",
    }
)  # fmt: skip
# Verbs whose accused is a clause subject, not an object: "X alleged that Y sold fakes".
ACCUSE_CLAUSAL = frozenset({"allege", "charge", "contend"})
# Phrasal accusing: "X lashed out at Y", "X protested against Y", "X complained about Y".
ACCUSE_PHRASAL = {
    "lash": ("at",),
    "rail": ("against",),
    "complain": ("about", "of"),
    "protest": ("against", "over", "at"),
    "campaign": ("against",),
}
ACCUSE_NOUNS = frozenset(
    {
        "accusation", "allegation", "criticism", "lawsuit", "suit", "complaint", "charge",
        "attack", "claim", "case", "action", "petition", "denunciation", "condemnation",
        "counterclaim", "countersuit", "indictment", "prosecution", "protest", "proceedings",
    }
)  # fmt: skip
# Verbs whose subject receives an accusation noun: "Y faces a lawsuit from X".
FACE_VERBS = frozenset({"face", "receive"})

URGE_VERBS = frozenset(
    {
        "urge",
        "ask",
        "petition",
        "press",
        "lobby",
        "implore",
        "beseech",
        "exhort",
        "pressure",
        "request",
        "beg",
    }
)
# Verbs that urge only with an object and a to-clause: "told Y to ...", "warned Y to ...".
URGE_CONTROL = frozenset(
    {
        "tell", "warn", "order", "instruct", "advise", "challenge", "encourage", "push", "direct",
        "invite", "induce", "persuade", "convince", "prod", "caution",
    }
)  # fmt: skip
# Verb + preposition introducing the urged party: "call on Y", "appeal to Y", "plead with Y".
URGE_PHRASAL = {
    "call": ("on", "upon"),
    "appeal": ("to",),
    "demand": ("of", "from"),
    "plead": ("with",),
}
# Verbs whose urged party is the subject of a clause: "X demanded that Y stop".
URGE_CLAUSAL = frozenset({"demand", "urge", "ask", "request", "insist", "suggest", "recommend", "propose"})
# Nouns of urging whose addressee follows "to"/"on": "an appeal to Y", "pressure on Y".
URGE_NOUNS = frozenset(
    {
        "appeal",
        "plea",
        "call",
        "request",
        "demand",
        "pressure",
        "ultimatum",
        "petition",
        "suggestion",
        "proposal",
    }
)
# Verbs that deliver a letter or petition whose urging clause names no other sender.
SEND_VERBS = frozenset({"send", "write", "submit", "deliver", "address", "issue", "pen", "sign"})

RESPOND_VERBS = frozenset({"respond", "reply", "rebut", "retort", "refute", "react"})
# Verbs that only respond when their object is an accusation or its author.
RESPOND_WEAK = frozenset(
    {
        "deny",
        "dismiss",
        "reject",
        "contest",
        "dispute",
        "counter",
        "answer",
        "resist",
        "deflect",
        "refuse",
        "oppose",
    }
)
# Verbs that answer an offer, request or promise by taking it: "accepted Norwind's offer".
ACCEPT_VERBS = frozenset({"accept", "welcome", "heed"})
RESPOND_NOUNS = frozenset(
    {"response", "rebuttal", "reply", "retort", "counterattack", "counter-attack", "riposte", "denial"}
)
# Verbs that make a response noun an act of the subject: "X issued a rebuttal".
RESPOND_SUPPORT = frozenset(
    {"issue", "make", "submit", "release", "publish", "file", "give", "post", "conduct", "launch", "mount",
     "stage", "deliver", "send", "offer", "provide"}
)  # fmt: skip
# Words of negative judgement that make a reported clause a criticism of what it is about:
# "X said Y's plan was unrealistic", "called Y's policy an example of protectionism".
NEGATIVE_JUDGEMENT = frozenset(
    {
        "irresponsible", "unrealistic", "mistaken", "wrong", "unfair", "unjust", "frivolous",
        "baseless", "unfounded", "groundless", "meaningless", "misleading", "disastrous",
        "damaging", "outrageous", "absurd", "ridiculous", "illegal", "unlawful", "unacceptable",
        "protectionism", "protectionist", "arrogant", "sinister", "disgraceful", "shameful",
        "crass", "ignorant", "hypocritical", "dishonest", "deceitful", "reckless", "incompetent",
        "inadequate", "failure", "disappointment", "betrayal", "scandal", "scandalous", "appalling",
        "deplorable", "regrettable", "excessive", "discriminatory", "dumping", "abuse", "improper",
        "negligent", "negligence", "fraud", "fraudulent", "lie", "lies", "lying", "false",
        "untrue", "contempt", "shambles", "farce", "stooge", "intransigence", "interference",
        "threat", "dangerous", "concern", "concerned", "blame", "fault", "problem", "poor",
    }
)  # fmt: skip
SAY_VERBS = frozenset({"say", "call", "describe", "insist", "argue", "state", "add", "maintain", "tell"})

# ---------------------------------------------------------------- roles and membership

LEAD_ROLES = frozenset(
    {
        "ceo", "chairman", "chairwoman", "chairperson", "chair", "president", "head", "founder",
        "co-founder", "cofounder", "director", "boss", "leader", "chief", "cfo", "coo", "cto",
        "owner", "director-general", "secretary-general", "commissioner", "governor", "administrator",
    }
)  # fmt: skip
WORK_ROLES = frozenset(
    {
        "engineer", "analyst", "spokesman", "spokeswoman", "spokesperson", "official", "employee",
        "lawyer", "attorney", "counsel", "executive", "manager", "economist", "researcher",
        "scientist", "adviser", "advisor", "consultant", "worker", "representative", "officer",
        "editor", "reporter", "correspondent", "strategist", "designer", "developer", "staffer",
        "secretary", "treasurer", "staff", "judge", "journalist", "presenter", "columnist", "producer",
    }
)  # fmt: skip
# Modifiers that turn a leading role into a subordinate one: "vice president", "deputy head".
SUBORDINATE = frozenset({"vice", "deputy", "assistant", "associate", "acting-deputy", "senior-vice"})
LEAD_VERBS = frozenset({"head", "lead", "run", "chair", "found", "helm", "co-found", "cofound", "manage"})
WORK_VERBS = frozenset({"work"})
JOIN_VERBS = frozenset({"join"})

MEMBER_NOUNS = frozenset({"member", "brand", "company", "firm", "business", "manufacturer", "affiliate"})
PART_NOUNS = frozenset({"subsidiary", "unit", "division", "arm", "branch", "affiliate", "part", "department"})
OWN_VERBS = frozenset({"own", "control", "acquire"})
INTEREST_NOUNS = frozenset({"interest", "interests"})

# ---------------------------------------------------------------- places

PLACE_NOUNS = frozenset(
    {
        "city", "town", "port", "province", "region", "state", "county", "district", "village",
        "suburb", "capital", "island", "municipality", "prefecture", "borough", "neighborhood",
        "neighbourhood", "area", "territory", "commune", "township",
    }
)  # fmt: skip
BASE_WORDS = frozenset({"based", "headquartered", "headquarter", "located"})
RESIDENT_NOUNS = frozenset({"resident", "native", "citizen", "inhabitant"})
LIVE_VERBS = frozenset({"live", "reside", "dwell", "settle"})

# ---------------------------------------------------------------- violence

KILL_VERBS = frozenset(
    {"kill", "murder", "assassinate", "stab", "shoot", "slay", "strangle", "behead", "gun", "execute"}
)
KILL_NOUNS = frozenset({"killing", "murder", "assassination", "slaying", "shooting", "stabbing"})
KILLER_NOUNS = frozenset({"killer", "assassin", "murderer", "slayer", "gunman"})

# ---------------------------------------------------------------- alliances and cooperation

ALLY_OBJECTS = frozenset({"hand", "hands", "force", "forces"})  # "joined hands/forces with"
ALLY_NOUNS = frozenset({"alliance", "coalition", "front", "bloc"})
ALLY_VERBS = frozenset({"ally", "unite", "side"})
JOINT_ADVERBS = frozenset({"jointly", "together"})
COOP_NOUNS = frozenset(
    {
        "partnership", "agreement", "deal", "venture", "memorandum", "pact", "contract",
        "collaboration", "cooperation", "co-operation", "accord", "tie-up", "mou",
    }
)  # fmt: skip
COOP_VERBS = frozenset({"partner", "cooperate", "co-operate", "collaborate", "team"})
COOP_SUPPORT = frozenset({"sign", "form", "strike", "reach", "announce", "seal", "forge", "ink", "launch"})
