#!/bin/sh
# A compiler stand-in for `bear`: it is recorded, and produces an empty
# object (or archive member) so that make goes on, without compiling.
for arg; do
  case "$prev" in -o) : > "$arg" ;; esac
  prev="$arg"
done
exit 0
