"""Out-of-fold measure of CM001 on the training postings: lint each fold with models that never saw it.

The shipped models were trained on ``large/train.jsonl``, so under their own
titles they agree with those titles, and what CM001 flags there says nothing
about postings nobody trained on.  Here a fold (a fifth of the postings, by the
hash of the normalised body the trainers use, :func:`tools.train_occupations.fold_of`)
is linted with both models trained on the other four fifths:

    python -m tools.train_occupations --seed 0 --fold 2 --held-out-only --out DIR
    python -m tools.train_roles --seed 0 --fold 2 --held-out-only --out DIR/fine_roles
    python -m tools.out_of_fold --fold 2 --models DIR [--json OUT]

It reports how many postings the fold holds, which of them get CM001 under
their own titles, and the share flagged when the postings of other
occupations are re-titled «Комьюнити-менеджер» (:func:`cmlint.evaluate.evaluate_real`).
The models are chosen by ``$CMLINT_MODELS_DIR`` (set here for this process,
before the linter reads them), so one process measures one fold.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pydantic import BaseModel

from cmlint.evaluate import LabeledRecord, RetitledGroup, evaluate_real, read_corpus
from cmlint.linter import Linter
from cmlint.occupations.model import MODELS_ENV
from cmlint.russian import count, number, percent_precise
from cmlint.text.normalize import normalize
from tools.train_occupations import Parameters, default_data, fold_of

RETITLE = "Комьюнити-менеджер"


class FoldResult(BaseModel):
    """CM001 on one held-out fold."""

    fold: int
    postings: int
    own_flagged: list[str]
    retitled_postings: int
    retitled_flagged_share: float
    #: Re-titled postings of other occupations whose real occupation a top-2 suggested title names.
    retitled_top2_share: float
    #: Those whose top-2 suggestions miss it.
    retitled_wrong_suggestions: list[str]


def folds() -> int:
    """How many folds the trainers' validation share makes."""
    return round(1 / Parameters().validation_share)


def in_fold(records: list[LabeledRecord], fold: int) -> list[LabeledRecord]:
    """The records whose normalised body falls in ``fold`` (the part a trainer run with ``--fold`` holds out)."""
    count = folds()
    return [record for record in records if fold_of(normalize(record.text).text, count) == fold]


def _retitled(groups: list[RetitledGroup | None]) -> tuple[int, float]:
    """All re-titled postings (both sources of truth) and the share of them flagged."""
    present = [group for group in groups if group is not None]
    total = sum(group.postings for group in present)
    flagged = sum(group.flagged_share * group.postings for group in present)
    return total, round(flagged / total, 3) if total else 0.0


def measure(records: list[LabeledRecord], fold: int, jobs: int) -> FoldResult:
    """Lint the fold's records under their own titles and re-titled (with whatever models this process reads)."""
    chosen = in_fold(records, fold)
    own, retitled = evaluate_real(chosen, Linter(), RETITLE, jobs)
    total, share = _retitled([retitled.family, retitled.occupation])
    occupation = retitled.occupation
    return FoldResult(
        fold=fold,
        postings=own.postings,
        own_flagged=own.flagged_ids,
        retitled_postings=total,
        retitled_flagged_share=share,
        retitled_top2_share=occupation.top2_share if occupation else 0.0,
        retitled_wrong_suggestions=occupation.wrong_suggestion_ids if occupation else [],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="CM001 на отложенной части обучающих вакансий (вне обучения).")
    parser.add_argument("--fold", type=int, required=True, help=f"отложенная часть (0–{folds() - 1})")
    parser.add_argument("--models", type=Path, required=True, help="папка моделей, обученных без этой части")
    parser.add_argument("--data", type=Path, help="JSONL обучающих вакансий (по умолчанию large/train.jsonl)")
    parser.add_argument("--json", type=Path, help="куда записать результат в JSON")
    parser.add_argument("-j", "--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    if not (args.models / "model.json").is_file():
        print(f"out_of_fold: в {args.models} нет модели (model.json)", file=sys.stderr)
        return 2
    os.environ[MODELS_ENV] = str(args.models)
    result = measure(read_corpus([args.data or default_data()]), args.fold, args.jobs)
    postings = count(result.postings, "вакансия", "вакансии", "вакансий")
    print(f"часть {result.fold}: {postings}, CM001 под своим названием — {number(len(result.own_flagged))}")
    print("  " + (" ".join(result.own_flagged) or "—"))
    share = percent_precise(result.retitled_flagged_share)
    print(f"  с названием «{RETITLE}» отмечено {share} из {number(result.retitled_postings)}")
    top2 = percent_precise(result.retitled_top2_share)
    print(f"  другие профессии: верная профессия в первых двух подсказках — {top2}")
    if args.json:
        args.json.write_text(result.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
