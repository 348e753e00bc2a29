# scripts/train-default-model.sh reproduces the committed models/default.model
# byte for byte (synth and train are deterministic), and the binary under
# test has that model built in (eval without --model = eval with it).
. tests/cli/common.inc
sh scripts/train-default-model.sh "$ATL" "$T/m.model" >"$T/log" 2>&1 || { cat "$T/log" >&2; fail "training script"; }
cmp -s "$T/m.model" models/default.model || fail "retrained model differs from models/default.model (retrain and commit it)"
"$ATL" eval tests/data/handwritten-dev.jsonl --json >"$T/builtin.json" || fail "eval (built-in model)"
"$ATL" eval tests/data/handwritten-dev.jsonl --json --model models/default.model >"$T/file.json" || fail "eval (model file)"
cmp -s "$T/builtin.json" "$T/file.json" || fail "the built-in model is not models/default.model (rebuild)"
exit 0
