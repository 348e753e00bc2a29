# A directory of exports (WhatsApp, Telegram, Facebook/Instagram DYI, yt-dlp and a
# zip holding a WhatsApp export): each file goes to its reader, the zip is
# read in place, what cannot be read is skipped with a reason, and the
# counts add up.
. tests/cli/common.inc
D=tests/data/exports
expect_exit 0 "$ATL" scan -q -o "$T/out" "$D"
check_counts "$T/out"
S="$T/out/summary.json"
for f in whatsapp telegram fbdyi ytdlp; do
	jq -e --arg f "$f" '.formats[$f].accepted > 0' "$S" >/dev/null || fail "no records from $f"
done
jq -e '[.inputs[] | select(.name | endswith("wa_ios_export.zip:_chat.txt"))][0].format == "whatsapp"' "$S" >/dev/null || fail "zip member not read"
jq -e '[.inputs[] | select(.name | endswith(".jpg"))][0].skipped_because == "media file"' "$S" >/dev/null || fail "media not skipped"
jq -e '[.inputs[] | select(.name | endswith("wa_ios_en_12h.txt"))][0].detail | startswith("date_order=mdy")' "$S" >/dev/null || fail "date order"
# the truncated Telegram export gives its first message and one reject
jq -e '[.inputs[] | select(.name | endswith("tg_truncated.json"))][0] | .accepted == 1 and .rejected == 1' "$S" >/dev/null || fail "truncated telegram"
jq -s -e 'map(select(.source.format == "whatsapp")) | all(.platform == "whatsapp")' "$T/out/posts.jsonl" >/dev/null || fail "whatsapp platform"
# DYI files say which platform they come from: Instagram's by their shape
# (ig_*.json) or folder (dyi_ig/your_instagram_activity/...), Facebook's too
jq -s -e 'map(select(.source.format == "fbdyi")) | all(if (.source.file | test("/ig_|your_instagram_activity/")) then .platform == "instagram" else .platform == "facebook" end)' "$T/out/posts.jsonl" >/dev/null || fail "DYI platform"
[ "$(jq -s 'map(select(.source.format == "fbdyi" and .platform == "instagram")) | length' "$T/out/posts.jsonl")" -ge 6 ] || fail "too few Instagram records"
# an explicitly named file of unknown format is an error, not a skip
printf 'just some words\n' >"$T/notes.bin"
expect_exit 1 "$ATL" scan -q -o "$T/o2" "$T/notes.bin"
exit 0
