#!/usr/bin/env bash
# Mutation testing of the rules (mutmut), on demand, never in CI: one package per run.
#
#   scripts/mutation.sh PACKAGE [mutant name globs, to run only those]
#   PACKAGE: audit | devices | domain | udi | labels | all
#
# Each run works on a copy of the working tree (or of the commit MUTATION_FROM names, e.g.
# MUTATION_FROM=HEAD) in $MUTATION_DIR/PACKAGE (default /tmp/lotline-mutation), so nobody's
# checkout is ever mutated, and runs only the unit tests that belong to the package, at low
# priority on one worker (the machine is shared).
# It prints the score (killed / all mutants in scope) and writes the surviving mutants, with
# their diffs, to $MUTATION_DIR/PACKAGE/survivors.txt. docs/mutation.md says what each package
# covers and names the survivors that are equivalent.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
python=${PYTHON:-$repo/.venv/bin/python}
mutmut=${MUTMUT:-$repo/.venv/bin/mutmut}
base=${MUTATION_DIR:-/tmp/lotline-mutation}
niceness=${MUTATION_NICE:-15}

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
package=$1; shift
if [ "$package" = all ]; then
  for p in audit devices domain udi labels; do "$0" "$p"; done
  exit 0
fi
[ -x "$mutmut" ] || { echo "mutmut is not installed: .venv/bin/pip install -e '.[mutation]'"; exit 2; }

# What is mutated (files, and files left alone), which of their mutants are in scope (name
# globs; none = all) and the tests that run.
not_mutated=()
scope=()
default_args=""
case "$package" in
  audit)
    mutate=(db/audit.py)
    # and the chain read on PostgreSQL (its own placeholders and time format): a few seconds
    tests=(tests/unit/db tests/integration/foundation/test_rules_audit_postgres.py)
    ;;
  devices)
    # the framers and frame parsers; the drivers' I/O loops are tested over ptys (integration)
    mutate=(desktop/devices/framing.py desktop/devices/scale_decoder.py
            desktop/devices/mtsics.py desktop/devices/continuous.py
            desktop/devices/weights.py desktop/devices/scanner.py)
    scope=('desktop.devices.framing.*' 'desktop.devices.scale_decoder.*'
           'desktop.devices.mtsics.*' 'desktop.devices.continuous.*' 'desktop.devices.weights.*'
           'desktop.devices.scanner.x_*' 'desktop.devices.scanner.xǁScanDecoderǁ*'
           'desktop.devices.scanner.xǁScanEventǁ*')
    tests=(tests/unit/devices)
    ;;
  domain)
    mutate=('desktop/domain/*.py')
    not_mutated=('desktop/domain/udi/*')
    tests=(tests/unit/domain)
    ;;
  udi)
    mutate=('desktop/domain/udi/*.py')
    tests=(tests/unit/udi tests/unit/domain)
    # the random round trips (hypothesis) take seconds a mutant and kill at random: left out
    default_args="--ignore=tests/unit/udi/test_properties.py"
    default_args+=" --deselect tests/unit/udi/test_ma.py::test_compose_then_parse_round_trip"
    ;;
  labels)
    mutate=('desktop/labels/*.py')
    tests=(tests/unit/labels)
    ;;
  *) usage ;;
esac
[ $# -gt 0 ] && scope=("$@")  # globs on the command line: only those mutants
# MUTATION_TESTS="path ..." runs other tests instead (e.g. to measure before tests were added);
# MUTATION_SCORE_ONLY=1 scores the last run again without running anything.
[ -n "${MUTATION_TESTS:-}" ] && read -r -a tests <<<"$MUTATION_TESTS"
present=()
for t in "${tests[@]}"; do [ -e "$t" ] && present+=("$t"); done
[ ${#present[@]} -gt 0 ] || { echo "no tests for $package: ${tests[*]}"; exit 2; }

work=$base/$package
if [ -n "${MUTATION_SCORE_ONLY:-}" ]; then
  # only the score (and survivors.txt) of the run already in $work
  [ -d "$work/mutants" ] || { echo "no run in $work to score"; exit 2; }
  cd "$work"
  elapsed=$(cat elapsed 2>/dev/null || echo 0)
else
rm -rf "$work"
mkdir -p "$work"
if [ -n "${MUTATION_FROM:-}" ]; then
  # a commit (MUTATION_FROM=HEAD): what others are editing right now cannot disturb the run
  git -C "$repo" archive "$MUTATION_FROM" desktop db tests pyproject.toml | tar -C "$work" -xf -
else
  # the working tree as it is now (uncommitted changes included), without caches
  tar -C "$repo" --exclude=__pycache__ --exclude='*.pyc' --exclude=.hypothesis \
    -cf - desktop db tests pyproject.toml | tar -C "$work" -xf -
fi

# MUTATION_PYTEST_ARGS="--deselect ..." is added to every pytest run (e.g. to leave out a test
# that someone else's unfinished change breaks), after the package's own.
MUTATION_PYTEST_ARGS="$default_args ${MUTATION_PYTEST_ARGS:-}" "$python" - "$work/pyproject.toml" "${#mutate[@]}" "${mutate[@]}" "${#not_mutated[@]}" "${not_mutated[@]}" \
  "${present[@]}" <<'EOF'
import json, os, shlex, sys
path, args = sys.argv[1], sys.argv[2:]
extra = shlex.split(os.environ.get("MUTATION_PYTEST_ARGS", ""))
mutate, args = args[1 : 1 + int(args[0])], args[1 + int(args[0]) :]
keep, tests = args[1 : 1 + int(args[0])], args[1 + int(args[0]) :]
with open(path, "a", encoding="utf-8") as f:
    f.write(
        "\n[tool.mutmut]\n"
        'source_paths = ["desktop", "db"]\n'
        f"only_mutate = {json.dumps(mutate)}\n"
        f"do_not_mutate = {json.dumps(keep)}\n"
        f"pytest_add_cli_args = {json.dumps(['-p', 'no:cacheprovider', '-q', *extra])}\n"
        f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n"
        "use_git_change_detection = false\n"
    )
EOF

cd "$work"
started=$(date +%s)
set +e
QT_QPA_PLATFORM=offscreen nice -n "$niceness" "$mutmut" run --max-children 1 "${scope[@]}" >run.log 2>&1
status=$?
set -e
elapsed=$(( $(date +%s) - started ))
echo "$elapsed" >elapsed
if [ $status -ne 0 ]; then
  tail -30 run.log
  echo "mutmut run failed ($status): see $work/run.log"
  exit $status
fi
fi

"$python" - "$mutmut" "$package" "$elapsed" "${scope[@]}" <<'EOF'
import fnmatch, json, subprocess, sys
from collections import Counter
from pathlib import Path

mutmut, package, elapsed, scope = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
KILLED = {1, 3, 36, 24, -24, 152, 255, 37}  # a failing test, a timeout, a type error
status: dict[str, int | None] = {}
for meta in sorted(Path("mutants").rglob("*.meta")):
    data = json.loads(meta.read_text())
    for name, code in data["exit_code_by_key"].items():
        if not scope or any(fnmatch.fnmatch(name, pattern) for pattern in scope):
            status[name] = code
counts = Counter(
    "killed" if c in KILLED else "survived" if c == 0 else "no tests" if c in (5, 33)
    else "not checked" if c is None else f"exit {c}"
    for c in status.values()
)
total = len(status)
alive = sorted(n for n, c in status.items() if c not in KILLED)
score = 100.0 * counts["killed"] / total if total else 0.0
line = (
    f"{package}: {total} mutants, {counts['killed']} killed, {len(alive)} not killed "
    f"({', '.join(f'{v} {k}' for k, v in sorted(counts.items()) if k != 'killed') or 'none'}); "
    f"score {score:.1f}% ({100.0 - score:.1f}% surviving); {elapsed} s"
)
with open("survivors.txt", "w", encoding="utf-8") as f:
    for name in alive:
        shown = subprocess.run([mutmut, "show", name], capture_output=True, text=True)
        f.write(shown.stdout + "\n")
Path("score.txt").write_text(line + "\n", encoding="utf-8")
print(line)
print(f"survivors with their diffs: {Path('survivors.txt').resolve()}")
EOF
