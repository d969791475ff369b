#!/usr/bin/env python3
"""Generate extension/tsearch_data/pg_arabic.stop, the Arabic stopword list.

Run from the repository root:  python3 extension/gen/gen_stopwords.py
The output is committed.  The base list below is Modern Standard Arabic
function words, written by the project from grammar (particles,
prepositions, conjunctions, pronouns, demonstratives, relatives,
interrogatives, auxiliaries, and the quantifiers and adverbs that carry no
topic in news).  Every word is written out in the 'search' normalized form
(أ إ آ -> ا, ى -> ي, ة -> ه, ؤ ئ -> ء), then the common clitic forms are
added: و and ف before every word, and ب ل ك before the words that take
them.  The dictionary normalizes the list again when it loads it, so a user
list may be written in ordinary spelling.
"""

BASE = """
في من إلى إلي على علي عن مع حتى منذ مذ خلال عبر لدى لدي عند بين حول دون ضد نحو تحت فوق أمام وراء خلف
قبل بعد أثناء عدا سوى غير مثل ضمن لكن لكنه لكنها لأن لان أن إن أنه أنها أنهم إنه إنها إنهم إنما أنما
أما إما أو أم ثم بل لا لم لن ما ماذا لماذا كيف أين متى كم أي أية هل قد لقد سوف كي لكي
كان كانت كانوا يكون تكون يكونوا أصبح أصبحت صار ظل ليس ليست ليسوا مازال ما زال لايزال لا يزال
هذا هذه هذان هاتان هؤلاء ذلك تلك ذاك أولئك هنا هناك هنالك ثمة
الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي اللائي
هو هي هم هما هن أنا نحن أنت أنتم أنتن أنتما إياه إياها إياهم
كل كلا كلتا بعض جميع أي عدة نفس ذات ذو ذوي
أيضا أيضاً فقط كذلك حيث حين عندما بينما كما كلما لو لولا إذا إذ إذا ما مهما أينما حيثما
مما ممن عما عمن فيما بما لما كأن كأنه كأنها
فيه فيها فيهم فيهما منه منها منهم عنه عنها عنهم عليه عليها عليهم إليه إليها إليهم لديه لديها لديهم
له لها لهم لهما لهن به بها بهم بهما معه معها معهم بينه بينها بينهم
لك لكم لكما لكن بك بكم منك منكم عنك عنكم عليك عليكم إليك إليكم فيك فيكم معك معكم لنا بنا منا عنا علينا إلينا فينا معنا
لي بي مني عني علي إلي في معي
تم يتم وتم سيتم تمت
يا أيها إلا ألا أما أجل نعم بلى
و ف ب ل ك ال
""".split()

# Words that take the prepositions ب ل ك as well as و ف.
TAKES_PREPOSITION = {"ما", "هذا", "هذه", "ذلك", "تلك", "ان", "انه", "انها", "الذي", "التي", "الذين", "كل", "بعض", "جميع", "غير", "مثل"}


def normalize(w):
    w = "".join(c for c in w if not ("\u064B" <= c <= "\u065F" or c == "\u0670" or c == "\u0640"))
    return w.translate(str.maketrans("أإآٱىةؤئ", "اااايهءء"))


def main():
    words = set()
    for w in BASE:
        n = normalize(w)
        words.add(n)
    base = sorted(words)
    forms = set(base)
    for w in base:
        forms.add("و" + w)
        forms.add("ف" + w)
        if w in TAKES_PREPOSITION:
            for p in "بلك":
                forms.add(p + w)
                forms.add("و" + p + w)
                forms.add("ف" + p + w)
    out = sorted(forms)
    with open("extension/tsearch_data/pg_arabic.stop", "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("%d base words, %d forms written" % (len(base), len(out)))


main()
