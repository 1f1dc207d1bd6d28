"""Where the customer is in the walkthrough, in their own words: the message is matched against
each step's labels, screen description and notice (knowledge.yml), not a regex per step.

- a label with a word of having done it ("přidat účet mám za sebou", "jiný účet jsem dal") is
  behind the customer: the next step – but a button before the step's notice shows the notice
  ("klikl jsem na Připojit": the warning, then „další volby“);
- a label seen, or a screen described ("vidím jen nabídku hotových účtů", "jsem na té dlouhé
  obrazovce s políčky"): that step;
- a step of two actions (`then`: "Přidat účet", then „Jiný“): its first label said done, or the
  second one seen ("klikl jsem na přidat účet", "vidím seznam poskytovatelů"): that step's
  second action; the second one said done: the next step;
- a step's notice described ("objevilo se hlášení, že telefon nastavení nenašel"): that step,
  answered with its help (what to do on the notice).
Words shared by many steps count less (1 / the number of steps that use them).
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from actions import knowledge, lexicon
from czech_nlu.folding import fold

LABEL_WEIGHT = 1.5  # plus 1.5 x the label's word weights: "jiný účet" outweighs "Nastavení"
MIN_SCREEN_WEIGHT = 1.0  # a description: one word only this step uses, or several shared ones
ACTIVITY_WEIGHT = 3.0  # "jsem u vyplňování" names the step whose activity it is
SEEN_LAST_BONUS = 2.0  # "klikl jsem na X a vyskočilo Y": what appeared last is where they are
NOTICE_SEEN_BONUS = 0.5
TITLE_BONUS = 1.0  # a step's whole title (of two words or more) named: that screen
# Between two clauses of a story: punctuation, "ale", "(a) pak/potom/nakonec/teď"
CLAUSE_BREAK = re.compile(r"[,.;!?]+|\bale\b|\b(?:a\s+)?(ted|pak|potom|nakonec)\b")


@dataclass(frozen=True)
class Position:
    step: int  # 1-based, the step the customer should do now
    at_notice: bool = False  # looking at the step's notice (answered with the step's help)
    by_label: bool = False  # a label decided it (a screen description otherwise)
    at_then: bool = False  # the step's first action done: its second one (Step.then) is next
    seen: bool = False  # its label named after a word of seeing ("vidím tlačítko přidat účet")


# Case endings (folded), longest first: a short word meets its forms ("jiný"/"jiné"/"jiného").
ENDINGS = ("eho", "emu", "ych", "ymi", "ami", "ach", "ym", "ou", "a", "e", "i", "o", "u", "y")


def stem(word: str) -> str:
    """Czech endings cut off crudely: "obrazovce"/"obrazovka", "políčky"/"políčka", "jiný"/"jiné"
    meet."""
    word = lexicon.load().forms.get(word, word)
    ending = next((e for e in ENDINGS if word.endswith(e) and len(word) - len(e) >= 3), "")
    word = word[: len(word) - len(ending)]
    return word[:5] if len(word) > 5 else word


def stems(text: str) -> List[str]:
    words = re.findall(r"\w+", fold(text).replace("e-mail", "email"))
    stop = set(lexicon.load().words["stop"])
    return [stem(w) for w in words if w not in stop and len(w) > 2]


@dataclass(frozen=True)
class _Screen:
    step: int
    labels: Tuple[FrozenSet[str], ...]
    screen: FrozenSet[str]
    notice: FrozenSet[str]
    then: Tuple[FrozenSet[str], ...] = ()  # the labels of the step's second action
    then_screen: FrozenSet[str] = frozenset()  # the screen its second action is done on
    title: FrozenSet[str] = frozenset()  # "jsem tam, kde se vybírá typ účtu": the step's name
    activity: bool = False  # the step is filled in (the form): a label done stays on it


def form_fields(step: knowledge.Step) -> str:
    return knowledge.load()["form_fields"] if step.id == knowledge.FORM_STEP_ID else ""


# What every message about the mailbox says ("chci tam dát mailovou schránku"): no screen's word
MAILBOX_WORDS = frozenset(stems("schránka pošta mail e-mail"))


@cache  # one per guide
def _screens(guide_id: str) -> Tuple[Tuple[_Screen, ...], Dict[str, float], FrozenSet[str]]:
    """The guide's screens, each word's weight, and the words that are a whole label alone."""
    program = frozenset(stems(knowledge.guide(guide_id).short))
    screens = tuple(
        _Screen(
            step=number,
            labels=tuple(frozenset(stems(label)) for label in step.labels),
            # The title names the screen too ("krok s typem účtu"); label words count as labels.
            # (the program's own name is no screen: "v thunderbirdu mám…" is no main window)
            # (the account form has the fields of every account besides its own words)
            screen=frozenset(stems(f"{step.title} {step.screen} {form_fields(step)}"))
            - frozenset(stems(" ".join(step.labels)))
            - program
            - MAILBOX_WORDS,
            notice=frozenset(stems(step.notice or "")) - program,
            then=tuple(
                frozenset(stems(label)) for label in (step.then.labels if step.then else ())
            ),
            then_screen=frozenset(stems(step.then.screen if step.then else "")) - program,
            title=frozenset(stems(step.title)) - program,
            activity=step.activity,
        )
        for number, step in enumerate(knowledge.steps(guide_id), 1)
    )
    df: Counter = Counter()
    for s in screens:
        df.update(s.screen | s.notice | s.then_screen | frozenset().union(*s.labels, *s.then))
    whole = frozenset().union(*(label for s in screens for label in s.labels if len(label) == 1))
    return screens, {word: 1.0 / count for word, count in df.items()}, whole


def last_end(pattern: "re.Pattern[str]", folded: str) -> int:
    """Where the pattern's last match ends (-1: nowhere)."""
    return max((m.end() for m in pattern.finditer(folded)), default=-1)


CANNOT_FIND = re.compile(
    r"\b(nemuze|nemuzeme|nemohl[aoi]?|nemuzu|neumi) (ho |je |to )?(najit|nalezt)\b"
    # ("napsalo to, že to nejde nastavit": the notice of settings not found, in other words)
    r"|\b(nejde|nelze|nepodarilo se|nepodari se) (to |ho |ucet )?(nastavit|najit)\b"
    # ("telefon tvrdí, že si nastavení nedokáže zjistit sám": found by itself, not)
    r"|\b(nedokaze|nedokazal\w*|nezvlad\w*|neumi) (si )?(to |ho |nastaveni )?(zjistit|najit|dohledat)\b"
)
# "po tom přihlášení vyskočilo…": after an event, a time – no button named
AFTER_EVENT = re.compile(r"\bpo (tom |te |tem )?\w+(eni|ani)\b")
# Each place of a path written with arrows ("A -> B -> C"), the last one with what follows
ARROW_PATH = re.compile(r"([^,.;:!?>→]+?)\s*(?:->|→|=>|>)\s*")
# "v pokročilém nastavení": the advanced screen, not the settings a first step opens
ADVANCED = re.compile(r"\b(pokrocil|rozsiren|upresn)\w* nastaven\w*")


def _screen_words(folded: str) -> Set[str]:
    """The stems that may name a screen; a word saying it is done ("hotový", "kliknuto")
    names none."""
    done_word = lexicon.load()["done_marker"].pattern
    # "nemůže najít nastavení" says what the notices say with "nenašel"
    folded = AFTER_EVENT.sub(" ", CANNOT_FIND.sub("nenasel", folded))
    folded = ADVANCED.sub(r"\1e", folded)
    # ("e-mail i heslo mám vyplněné": the address field, named by what goes in it)
    folded = MAIL_BESIDE_PASSWORD.sub("adresu", folded)
    # ("chci tam dát mailovou schránku": the mailbox itself, no screen's word)
    folded = MAILBOX_NAMED.sub(" ", folded)
    plain = re.findall(r"\w+", folded.replace("e-mail", "email"))
    # (colloquial "jinej účet", "novej": the standard "jiný", "nový")
    plain = [re.sub(r"(?<=\w\w)ej$", "y", w) for w in plain if not done_word.fullmatch(w)]
    return set(stems(" ".join(plain)))


MAILBOX_NAMED = re.compile(
    r"\b((e-?)?mailov\w*|postovni(?= schrank)|schrank\w*|schranek"
    r"|(?<!prichozi )(?<!odchozi )(?<!prichozej )(?<!odchodzej )(posta|postu|posty|postou))\b"
)
MAIL_BESIDE_PASSWORD = re.compile(r"\b(e-?mail|mail)\b(?=\s*(a|i|,|\+|&)\s*heslo)")
# What a customer has new besides a device by name ("nový mobil", "nový notebook")
NEW_THING = r"(telefon|mobil|smartphon|pocitac|notebook|laptop|tablet|pc\b|macbook|ipad)\w*"


def where(folded: str, device: Optional[str] = None, after: int = 0) -> Optional[Position]:
    """The customer's position in the device's guide said in this message, or None when it
    names no screen. `after`: the last step a story in the message told done – one word of the
    screen after it is enough."""
    guide = knowledge.guide(device)
    # "nastavení -> e-mail+účty -> přidat účet, jsem tady": a path of places gone through
    folded = ARROW_PATH.sub(r"dal jsem \1, ", folded)
    if asked := label_asked(folded, device):  # "kde je přidat účet? vidím jen doručenou poštu"
        return asked
    # "jsem v aplikaci Email, co dál?", "ok, jsem v nastavení": the step that opens it is done
    if opened := _opened(folded, guide):
        further = where(lexicon.load()["in_place"].pattern.sub(" ", folded), device, after)
        return further if further and further.step > opened else Position(opened + 1)
    if past := _past_notice(folded, device):  # "jsem na obrazovce po tom varování"
        return past
    # "v Gmailu jsem u zadání hesla": the program as the place of every step, not its icon
    folded = re.sub(rf"\b(v|ve)\s+{guide.aliases.pattern}", " ", folded)
    # ("Samsung, políčka mám vyplněná": the device named first, as the message's heading)
    # ("Samsung Email, jsem u…": the app's name is the heading too)
    folded = re.sub(
        rf"^\W*{guide.aliases.pattern}(\s+(e-?mail|mail|app\w*|aplikac\w*))?\s*[,:;–-]", " ", folded
    )
    # ("mám nový iPhone a chci tam firemní mail": the device new, no "nový účet" screen)
    folded = re.sub(rf"\bnov\w*\s+(\w+\s+)?({guide.aliases.pattern}|{NEW_THING})", " ", folded)
    # ("…, chci POP3": a wish names no screen, the account type is chosen later or was)
    folded = lexicon.load()["protocol_wish"].pattern.sub(" ", folded)
    # ("při přidávání účtu to nic nenajde": the whole process as the time, no adding step)
    folded = lexicon.load()["while_adding_account"].pattern.sub(" ", folded)
    screens, weight, whole = _screens(guide.id)
    last_step = len(screens)
    words = _screen_words(folded)
    # ("…, mám na něj kliknout?" asks, it tells nothing done)
    deeds = lexicon.load()["tap_question"].pattern.sub(lambda m: " " * len(m.group(0)), folded)
    done = max(
        last_end(lexicon.load()["done_marker"].pattern, deeds),
        last_end(lexicon.load()["button_done"].pattern, deeds),
    )
    seeing_words = list(lexicon.load()["seeing_marker"].pattern.finditer(folded))
    seeing = max((m.end() for m in seeing_words), default=-1)  # (as last_end)
    ahead = done > seeing  # the last thing said is what they did, not what they see
    # "klikl jsem na Připojit a vyskočilo, že nastavení nenašel": what appeared after what they
    # did is where they are – from the first word of seeing on ("píše to, že nelze ověřit heslo,
    # a objevila se políčka"; "a on našel nějaké nastavení" counts the finding too)
    first_seen = min((m.start() for m in seeing_words if m.start() >= done), default=seeing)
    seen = set(_screen_words(folded[first_seen:])) if seeing > done else set()
    tap = _tap_asked(folded, device)
    if story := _story(folded, screens):
        done_to, told, looking = story
        # "…, jiný, adresu, a teď vidím formulář": what is in front of them, when further on
        now = where(looking, device, after=done_to.step - 1) if looking.strip() else None
        # ("…jiný účet mám za sebou, zadala adresu a heslo, dala přihlásit a ono to napsalo, že
        # to nemohlo najít nastavení": "přihlásit" names a later button too – the notice decides)
        notice = where(looking, device) if CANNOT_FIND.search(looking) else None
        if notice and notice.at_notice:
            return notice
        if now and now.step >= done_to.step:  # (the same step: what they see tells more)
            return now
        # "zadal jsem adresu, dal přihlásit a píše, že nemůže najít nastavení": the notice seen
        # is where they are, whatever step the button they named belongs to
        if now and now.at_notice:
            return now
        if told >= 2 or ahead or looking.strip():
            return tap if tap and tap.step > done_to.step else done_to
    busy = lexicon.says("activity", folded)  # "jsem u vyplňování": a step you stay at
    best: Optional[Tuple[float, Position]] = None
    for s in screens:
        candidates: List[Tuple[float, Position]] = []
        second = [label for label in s.then if label and label <= words]
        for label in second:  # the second action named: done → the next step, else this one's
            score = _label_score(label, weight)
            position = (
                _next(s, last_step) if ahead else Position(s.step, by_label=True, at_then=True)
            )
            candidates.append((score, position))
        for number, label in enumerate(s.labels, 1):
            if label and label <= words and not second:
                score = _label_score(label, weight)
                # "…, a vidím tlačítko přidat účet" (a label of this step alone: "nastavení"
                # after "oznámil, že…" is a word of the notice)
                if not ahead and label <= seen and sum(weight[w] for w in label) >= 0.5:
                    score += SEEN_LAST_BONUS
                position = (
                    _passed(s, number, last_step)
                    if ahead
                    else Position(s.step, by_label=True, seen=label <= seen)
                )
                candidates.append((score, position))
            elif ahead and not second and _named_loosely(s, label, words, screens):
                # "vybral jsem Jiný účet Mailu" for „jiný poštovní účet“: done with it too
                candidates.append(
                    (_label_score(label & words, weight), _passed(s, number, last_step))
                )
        for described, at_notice, at_then in (
            (s.notice, True, False),
            # a label's words describe its screen too ("jméno, adresu a heslo": „Vaše jméno“…),
            # when the label itself is not named (then the label counts) and the word is no
            # button of its own elsewhere ("IMAP" is the account type, not the IMAP server field)
            (s.screen | (_partial_labels(s, words) - whole), False, False),
            (s.then_screen, False, True),  # "je tam seznam iCloud, Google…": its second action
        ):
            found = words & described
            score = sum(weight[w] for w in found)
            # (the title in what they did – "zadal jsem jméno, adresu a heslo" – is behind them)
            title_here = s.title <= (seen if done >= 0 else words)
            if not (at_notice or at_then) and len(s.title) >= 2 and title_here:
                score += TITLE_BONUS
            # One word is enough only when no other step uses it and it is no short word.
            single = len(found) == 1 and len(next(iter(found))) >= 5
            # the screen after the story's step: one word of it is enough ("…, vidím seznam účtů")
            next_to_story = bool(after and s.step == after + 1 and found)
            if next_to_story:
                score = max(score, MIN_SCREEN_WEIGHT)
            # (a notice takes two words of it: "našel jsem to" is no "Thunderbird nastavení našel")
            # ("…napsal, že nic nenašel": a notice of nothing found names itself in one word)
            alone = single and score == 1 and (not at_notice or found <= NOT_FOUND)
            if score >= MIN_SCREEN_WEIGHT and (len(found) >= 2 or alone or next_to_story):
                # (a word many steps share, "nastavení", tells nothing of where they are)
                bonus = SEEN_LAST_BONUS if sum(weight[w] for w in found & seen) >= 0.5 else 0.0
                if bonus and at_notice:  # what "píše / objevilo se / našel" names first: a notice
                    bonus += NOTICE_SEEN_BONUS
                if at_notice and len(found) >= 3:  # three words of a notice: that notice
                    bonus = max(bonus, SEEN_LAST_BONUS)
                # "vyplňuju jméno a adresu" (not when something appeared after it: "…a on pak
                # našel nějakou konfiguraci" is where they are now)
                if busy and len(found) >= 2 and not at_notice and (found & seen or not seen):
                    bonus += ACTIVITY_WEIGHT  # the fields named are this screen's
                position = Position(s.step, at_notice=at_notice, at_then=at_then)
                candidates.append((score + bonus, position))
        if busy and knowledge.steps(device)[s.step - 1].activity:
            candidates.append((ACTIVITY_WEIGHT, Position(s.step)))
        for candidate in candidates:
            if best is None or candidate[0] > best[0]:
                best = candidate
    if best and not (tap and tap.step > best[1].step):
        return best[1]
    # "je tam Mail a Poznámky, mám dát Uložit?": the tap asked about is further than a word seen
    return tap


# "kde je přidat účet?", "nemůžu najít ruční nastavení": a button looked for
LOOKING_FOR = re.compile(
    r"\b(kde (je|jsou|najdu|mam|ma byt|to je)|nevidim|nemuzu najit|nemuzu nikde najit|nenachazim"
    r"|nenasel jsem|nenasla jsem)\s+(?P<label>\w+(\s+\w+){0,2})"
)


def label_asked(folded: str, device: Optional[str]) -> Optional[Position]:
    """The step whose button the customer looks for ("kde je přidat účet?"): they are before
    it, whatever else they see (the inbox of the app, a list)."""
    screens = _screens(knowledge.guide(device).id)[0]
    steps = knowledge.steps(device)
    for match in LOOKING_FOR.finditer(folded):
        words = _screen_words(match.group("label"))
        for s in screens:
            if any(label and len(label) >= 2 and label <= words for label in s.labels):
                if s.step > 1 and steps[s.step - 2].with_next:
                    return Position(s.step - 1)  # the tap on the way to it, shown with it
                return Position(s.step, at_notice=True)  # where it is: the step's help
    return None


def notice_named(folded: str, device: Optional[str], step: int) -> bool:
    """The message names two words of that step's notice ("napsalo to Nelze ověřit název účtu
    nebo heslo" at the Mac's form): what the program shows there, no failure of its own."""
    screens = _screens(knowledge.guide(device).id)[0]
    if not 1 <= step <= len(screens) or not screens[step - 1].notice:
        return False
    return len(_screen_words(folded) & screens[step - 1].notice - REPORTING) >= 2


NOT_FOUND = frozenset(stems("nenašel nenašla nenalezl nenalezeno nenajde"))
# The words of any report ("telefon hlásí", "objevila se zpráva"): they name no notice
REPORTING = frozenset(
    stems("telefon program aplikace hláška hlášení hlásí píše napsal zpráva varovná objevilo")
)


def opened_step(folded: str, device: Optional[str]) -> int:
    """The last step of the device's guide whose place the customer says they are in, or 0."""
    return _opened(folded, knowledge.guide(device))


def _opened(folded: str, guide: knowledge.Guide) -> int:
    """The last step whose place ("jsem v nastavení") the customer says they are in, or 0."""
    places = [
        place
        for m in lexicon.load()["in_place"].pattern.finditer(folded)
        for name, place in m.groupdict().items()
        if name.startswith("place") and place
    ]
    return max(
        (
            number
            for number, step in enumerate(guide.steps, 1)
            if step.opens and any(re.fullmatch(step.opens, place) for place in places)
        ),
        default=0,
    )


# "obrazovka po tom varování", "za tou hláškou": the screen past a notice
PAST_NOTICE = re.compile(
    r"\b(po|za) (tom |te |tou |tim |timhle |tomhle |tehle |tomto )?(?P<notice>varovani\w*|hlaseni\w*"
    r"|hlasce|hlaskou|upozorneni\w*|chybe|chybou|chybovem hlaseni)\b"
)


def _past_notice(folded: str, device: Optional[str]) -> Optional[Position]:
    """The step after the one whose notice the customer says they are past, nothing done told
    after it ("jsem na obrazovce po tom varování a nevím, co vybrat"), or None."""
    past = PAST_NOTICE.search(folded)
    if not past or lexicon.says("finished", folded[past.end() :]):
        return None
    word = set(stems(past.group("notice")))
    screens = _screens(knowledge.guide(device).id)[0]
    step = next((s.step for s in screens if word & s.notice), None)
    return Position(step + 1) if step and step < len(screens) else None


ALTERNATIVES = re.compile(r"\s*,?\s+(?:nebo|anebo|ci|or)\s+(?:na\s+|dat\s+|kliknout\s+na\s+)?")


def tap_target(folded: str) -> Optional[str]:
    """What a question whether to tap names ("mám dát Jiné?" -> "jine"), or None."""
    asked = lexicon.load()["tap_question"].search(folded)
    return asked.group("target") if asked else None


def _tap_asked(folded: str, device: Optional[str]) -> Optional[Position]:
    """ "Mám kliknout na Hotovo?" naming no screen: the last step whose instruction is that
    tap (its text, second action or button after filling)."""
    steps = knowledge.steps(device)
    # each step's instruction words (its text, second action, button after filling) and the
    # button's alone
    said = [
        (
            set(
                stems(
                    f"{step.text} {step.then.text if step.then else ''} {step.after_filling or ''}"
                )
            ),
            set(stems(step.after_filling or "")),
        )
        for step in steps
    ]
    named: List[Tuple[int, bool]] = []
    # ("mám kliknout na další volby, nebo zkusit znovu?": the one a step's instruction names)
    for choice in ALTERNATIVES.split(tap_target(folded) or ""):
        target = set(stems(choice))
        named = [
            (number, target <= button)
            for number, (words, button) in enumerate(said, 1)
            if target and target <= words
        ]
        if named:
            break
    if not named:
        return None
    # (the button's own label first: „Připojit“ is step 5's, though step 7's text says that
    # the phone "se připojí")
    labelled = [
        (number, after_filling)
        for number, after_filling in named
        if any(target <= set(stems(label)) for label in steps[number - 1].labels)
    ]
    number, after_filling = (labelled or named)[-1]
    # (the button after the fields: the fields are behind them, answered with that button)
    return Position(number, by_label=not after_filling)


def _partial_labels(s: _Screen, words: Set[str]) -> FrozenSet[str]:
    """The words of the step's labels that are not named whole."""
    return frozenset().union(*(label for label in s.labels if not label <= words))


def _named_loosely(
    s: _Screen, label: FrozenSet[str], words: Set[str], screens: Tuple[_Screen, ...]
) -> bool:
    """A label of three words or more named but for one word, on a step of taps (a form's field
    names are no button: "server pošty" is no „Server příchozí pošty“ done), when the words
    named are no other label of two words or more ("add account" is „Add Account“, not „Add Mail
    Account“; "účet" alone is a word of many)."""
    named = label & words
    others = (other for t in screens for other in (*t.labels, *t.then) if other != label)
    return (
        not s.activity
        and len(label) >= 3
        and len(label - words) == 1
        and not any(len(other) >= 2 and other <= named for other in others)
    )


def _label_score(label: FrozenSet[str], weight: Dict[str, float]) -> float:
    return LABEL_WEIGHT * (1 + sum(weight[w] for w in label))


ACCOUNT_TYPES = frozenset(stems("imap pop pop3"))


def _next(s: _Screen, last_step: int) -> Position:
    """The step after `s`, reached by a label said done."""
    return Position(min(s.step + 1, last_step), by_label=True)


def _passed(s: _Screen, label_number: int, last_step: int) -> Position:
    """Where the customer is once the step's label `label_number` is done."""
    if s.then:  # "klikl jsem na přidat účet": the step's second action
        return Position(s.step, by_label=True, at_then=True)
    if s.notice and label_number < len(s.labels):
        # "klikl jsem na Připojit": the notice that button shows, on this step
        return Position(s.step, at_notice=True, by_label=True)
    if s.activity and s.labels[label_number - 1] <= ACCOUNT_TYPES:
        return Position(s.step, by_label=True)  # "mám zvolený IMAP" on the form: a choice in it
    # done with the step (labels of a step without a notice are synonyms)
    return _next(s, last_step)


def _clauses(folded: str) -> List[Tuple[str, bool]]:
    """The message's clauses, each with whether "teď" opens it (what is in front of them now);
    a word of seeing after a word of doing opens a clause too ("jsem v účtech a vidím …")."""
    parts = CLAUSE_BREAK.split(folded)  # text, the break's word (or None), text, …
    clauses = [(parts[0], False)] + [
        (text, word == "ted") for word, text in zip(parts[1::2], parts[2::2], strict=True)
    ]
    split = []
    for text, now in clauses:
        done = last_end(lexicon.load()["done_marker"].pattern, text)
        seeing = [m.start() for m in lexicon.load()["seeing_marker"].pattern.finditer(text)]
        cut = next((start for start in seeing if start >= done >= 0), None)
        split += [(text[:cut], now), (text[cut:], True)] if cut else [(text, now)]
    return split


# The phone or program as the one who writes ("napsalo to", "vyskočilo", "hlásí"): a notice
PROGRAM_REPORTED = re.compile(r"\b(napsalo|vyskocil\w*|hlasi|hlasilo|objevil\w*|vyhodilo)\b")


def _story(folded: str, screens: Tuple[_Screen, ...]) -> Optional[Tuple[Position, int, str]]:
    """ "Nastavení i přidat účet mám za sebou, vybral jsem jiný účet", "dal jsem přidat účet,
    jiný, pak ruční nastavení", "Soubor, přidat účet, upřesnit, zaškrtl jsem ručně": what the
    customer says they did, clause by clause – a clause with no word of its own belongs to the
    story when a word of doing comes before it or after it (or "teď" follows), no word of seeing
    between. Returns the step past the furthest label told, how many labels were told and the
    rest of the message after the story (what they see now), or None when no label was told."""
    clauses = _clauses(folded)
    kinds = []  # per clause: "done", "looking" or "" (no word of its own)
    for clause, now in clauses:
        # "kliknu na připojit?" asks, did not do it; "napsalo to, že…": what the phone shows now
        if lexicon.says("tap_question", clause) or PROGRAM_REPORTED.search(clause):
            kinds.append("looking")
        elif lexicon.says("done_marker", clause) or lexicon.says("button_done", clause):
            kinds.append("done")
        elif (
            now
            or lexicon.says("seeing_marker", clause)
            or lexicon.says("activity", clause)
            or lexicon.says("screen_asks", clause)  # "…, chce adresu a heslo": in front of them
        ):
            kinds.append("looking")
        else:
            kinds.append("")
    for i in reversed(range(len(kinds) - 1)):  # told back: "X, Y, zaškrtl jsem Z"; "X, Y, teď …"
        after = kinds[i + 1]
        if not kinds[i] and (after == "done" or (after == "looking" and clauses[i + 1][1])):
            kinds[i] = "done"
    told = [kind == "done" for kind in kinds]
    for i, kind in enumerate(kinds):  # and forward: "dal jsem X, Y, Z"
        if not kind and i and told[i - 1]:
            told[i] = True
    passed: List[Position] = []
    last_told = -1
    for i, (clause, _) in enumerate(clauses):
        if not told[i]:
            continue
        last_told = i
        words = _screen_words(clause)
        passed += [
            _passed(s, number, len(screens))
            for s in screens
            for number, label in enumerate(s.labels, 1)
            if label and (label <= words or _named_loosely(s, label, words, screens))
        ] + [
            _next(s, len(screens)) for s in screens for label in s.then if label and label <= words
        ]
    if not passed:
        return None
    looking = " ".join(clause for clause, _ in clauses[last_told + 1 :])
    # (the furthest: a later step, or the same step's second action done)
    return max(passed, key=lambda p: (p.step, not p.at_then)), len(passed), looking
