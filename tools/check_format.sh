#!/usr/bin/env bash
# Checks that the C++ files listed in .clang-format-files are formatted as .clang-format says
# (clang-format-14). With --fix, formats them in place. Exits 1 listing the files that differ.
set -euo pipefail
cd "$(dirname "$0")/.."
fix=0
[[ ${1:-} == --fix ]] && fix=1
mapfile -t files < <(grep -vE '^\s*(#|$)' .clang-format-files)
bad=()
for f in "${files[@]}"; do
  [[ -f $f ]] || { echo "format: $f is listed in .clang-format-files but does not exist" >&2; bad+=("$f"); continue; }
  if [[ $fix -eq 1 ]]; then
    clang-format-14 --style=file -i "$f"
  elif ! clang-format-14 --style=file --dry-run --Werror "$f" 2>/dev/null; then
    bad+=("$f")
  fi
done
if [[ ${#bad[@]} -gt 0 ]]; then
  echo "format: ${#bad[@]} file(s) differ from .clang-format (fix: tools/check_format.sh --fix):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "format: ${#files[@]} file(s) formatted as .clang-format says"
