#!/usr/bin/env python3
"""Build a benchmark corpus TIMES the size of the BBC set, deterministically.

Copy 0 is the BBC articles as they are (with front matter naming an outlet and a date); every
further copy shuffles each article's paragraphs and renames its people and outlets, so no two
articles are duplicates and the speakers table grows as a real archive's would.

  benches/gen_corpus.py --bbc ../shared/data/bbc --out /tmp/corpus-10x --times 10
"""
import argparse
import os
import random
import re

SYLLABLES = ["ka", "ro", "mi", "den", "sa", "lu", "ver", "to", "bel", "na", "gor", "fi",
             "ha", "zel", "mon", "ri", "dus", "pa", "lin", "tor", "we", "qua", "ber", "so"]
OUTLET_WORDS = (["Northern", "Daily", "Evening", "Coastal", "Capital", "Valley", "Harbour",
                 "Metro", "County", "Union"],
                ["Courier", "Herald", "Post", "Gazette", "Chronicle", "Observer", "Ledger",
                 "Tribune", "Standard", "Echo"])
NAME = re.compile(r"\b([A-Z][a-z]{2,})\b")
# A capitalised word after a lower-case word or a comma is a name, not a sentence opening.
MID_SENTENCE_NAME = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]{2,})\b")


def read_text(path):
    data = open(path, "rb").read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def renamed(word, copy):
    rng = random.Random(f"{word}:{copy}")
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return name.capitalize()


def outlet(copy, index):
    rng = random.Random(f"outlet:{copy}:{index % 97}")
    return f"{rng.choice(OUTLET_WORDS[0])} {rng.choice(OUTLET_WORDS[1])} {copy}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bbc", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--times", type=int, default=1)
    a = ap.parse_args()
    files = []
    for root, _, names in os.walk(a.bbc):
        files += [os.path.join(root, n) for n in names if re.fullmatch(r"\d+\.txt", n)]
    files.sort()
    for copy in range(a.times):
        for index, path in enumerate(files):
            text = read_text(path).strip()
            title, _, rest = text.partition("\n")
            paragraphs = [p.strip() for p in rest.split("\n\n") if p.strip()]
            if copy:
                rng = random.Random(f"{path}:{copy}")
                rng.shuffle(paragraphs)
                names = set(MID_SENTENCE_NAME.findall(rest))
                swap = lambda m: renamed(m.group(1), copy) if m.group(1) in names else m.group(1)
                title = NAME.sub(swap, title)
                paragraphs = [NAME.sub(swap, p) for p in paragraphs]
            day = random.Random(f"day:{copy}:{index}").randint(0, 729)
            year, day_of_year = (2004, day) if day < 365 else (2005, day - 365)
            month, mday = divmod(day_of_year, 28)
            topic = os.path.basename(os.path.dirname(path))
            out_dir = os.path.join(a.out, f"copy{copy:03}", topic)
            os.makedirs(out_dir, exist_ok=True)
            with open(os.path.join(out_dir, os.path.basename(path)), "w", encoding="utf-8") as f:
                f.write(f"---\nsource: {outlet(copy, index)}\n"
                        f"published: {year}-{month % 12 + 1:02}-{mday + 1:02}\n---\n")
                f.write(title + "\n\n" + "\n\n".join(paragraphs) + "\n")


if __name__ == "__main__":
    main()
