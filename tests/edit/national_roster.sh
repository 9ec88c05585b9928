#!/usr/bin/env bash
# The national roster: init --province and --all-provinces on
# data/vietnam_units.csv, checked against the roster itself and against
# data/haiphong.toml (whose ids, names and kinds are haiphong_units.csv, the
# rows of province 31, in the same order).
# Usage: national_roster.sh ONTRACK SOURCE_DIR
set -uo pipefail
ontrack=$(realpath "$1")
src=$(realpath "$2")
roster=$src/data/vietnam_units.csv
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
export LANGUAGE= LC_ALL=C LANG=C
failures=0 checked=0
pass() { checked=$((checked + 1)); echo "ok   $1"; }
fail() { checked=$((checked + 1)); failures=$((failures + 1)); echo "FAIL $1"; }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }

# id|name|kind of every [[locality]] of a plan, in file order.
triples() { awk -F' = ' '/^\[\[locality\]\]/ { if (n++) print r; r = "" } /^(id|name|kind) = / { gsub(/"/, "", $2); r = r "|" $2 } END { if (n) print r }' "$1"; }

# The byte-for-byte copy of the reference roster (when the shared folder is there).
if [ -f "$src/../shared/data/vietnam_units.csv" ]; then
  check "data/vietnam_units.csv is the shared roster byte for byte" cmp -s "$roster" "$src/../shared/data/vietnam_units.csv"
fi
check "the roster has 3,321 units" test "$(tail -n +2 "$roster" | wc -l)" -eq 3321

# --province 31, by code and by the names people type: the 114 Hai Phong units.
triples "$src/data/haiphong.toml" >haiphong.txt
check "data/haiphong.toml lists 114 units" test "$(wc -l <haiphong.txt)" -eq 114
for p in 31 "Hải Phòng" "Thành phố Hải Phòng" "TP. Hải Phòng" "hai phong" "HAI PHONG"; do
  "$ontrack" init --units "$roster" --province "$p" >p.toml 2>err
  check "--province '$p': exit 0, nothing on stderr" test $? -eq 0 -a ! -s err
  triples p.toml >p.txt
  check "--province '$p': the 114 Hai Phong units, codes, names and kinds in order" cmp -s p.txt haiphong.txt
  check "--province '$p': total = 114, no milestone" \
    test "$(grep -c '^total = 114$' p.toml)" -eq 1 -a "$(grep -c '^\[\[milestone\]\]' p.toml)" -eq 0
done
"$ontrack" init --units "$roster" --province "TP. Hồ Chí Minh" >hcm.toml
check "--province 'TP. Hồ Chí Minh' is province 79" \
  test "$(grep -c '^total = ' hcm.toml)" -eq 1 -a "$(sed -n 's/^total = //p' hcm.toml)" -eq "$(awk -F, '$4 == "79"' "$roster" | wc -l)"
"$ontrack" init --units "$roster" --province "Thanh Hoa" >th.toml
check "--province 'Thanh Hoa' is Thanh Hóa (38)" grep -q "^name = \"Thanh Hóa\"$" th.toml

# Without --province: an error listing the 34 provinces, code and name.
"$ontrack" init --units "$roster" >out 2>err
rc=$?
check "no --province: exit 2, nothing on stdout" test $rc -eq 2 -a ! -s out
check "no --province: the message lists 34 provinces" \
  grep -q "lists 34 provinces: give --province CODE|NAME or --all-provinces; they are: 01 Thành phố Hà Nội, 04 Cao Bằng, .*, 96 Cà Mau$" err
"$ontrack" init --units "$roster" --province "Atlantis" >out 2>err
check "an unknown province: exit 2 and the list" grep -q "'Atlantis' is not a province of .*; it lists: 01 Thành phố Hà Nội" err

# --all-provinces: 34 plans named CODE-slug.toml and the roll-up.
"$ontrack" init --units "$roster" --all-provinces -o nat 2>err
check "--all-provinces: exit 0" test $? -eq 0
check "--all-provinces: 34 plans and national.toml" test "$(ls nat | wc -l)" -eq 35 -a -f nat/national.toml
check "--all-provinces: 31-hai-phong.toml, 79-ho-chi-minh.toml, 01-ha-noi.toml" \
  test -f nat/31-hai-phong.toml -a -f nat/79-ho-chi-minh.toml -a -f nat/01-ha-noi.toml
sum=0
ok=1
for f in nat/[0-9]*-*.toml; do
  code=${f#nat/}; code=${code%%-*}
  t=$(sed -n 's/^total = //p' "$f")
  [ "$t" -eq "$(awk -F, -v c="$code" '$4 == c' "$roster" | wc -l)" ] || ok=0
  sum=$((sum + t))
done
check "--all-provinces: each plan's total is its province's row count" test $ok -eq 1
check "--all-provinces: the totals sum to 3,321" test $sum -eq 3321
check "--all-provinces: the province plans have no milestones" test -z "$(grep -l '^\[\[milestone\]\]' nat/[0-9]*.toml)"
cmp -s nat/31-hai-phong.toml <("$ontrack" init --units "$roster" --province 31)
check "--all-provinces: 31-hai-phong.toml is --province 31" test $? -eq 0
check "the roll-up: 34 parts, 20% by 2025-12-31 and 50% by 2030-12-31" \
  test "$(grep -c '^  "[0-9]*-[a-z-]*\.toml",$' nat/national.toml)" -eq 34 -a \
  "$(grep -A2 '^deadline = 2025-12-31$' nat/national.toml | grep -c '^target = "20%"$')" -eq 1 -a \
  "$(grep -A2 '^deadline = 2030-12-31$' nat/national.toml | grep -c '^target = "50%"$')" -eq 1
"$ontrack" init --units "$roster" --all-provinces -o nat >out 2>err
check "--all-provinces again: refused without --force" grep -q "exists; use --force to replace it" err
"$ontrack" init --units "$roster" --all-provinces >out 2>err
check "--all-provinces without -o: exit 2" grep -q "give the folder to write the plans into: -o DIR" err

# A province plan reports coverage and judges nothing: exit 0.
"$ontrack" nat/31-hai-phong.toml --as-of 2026-11-23 >out 2>err
check "a plan without milestones: exit 0" test $? -eq 0
check "a plan without milestones: says nothing is judged" grep -q "The plan has no milestones: nothing is judged." out

echo "$checked checks, $failures failed"
[ "$failures" -eq 0 ]
