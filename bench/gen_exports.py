#!/usr/bin/env python3
"""Write a synthetic Telegram result.json or WhatsApp chat of about SIZE MiB.

    gen_exports.py telegram|whatsapp SIZE_MIB OUT

Made-up names and numbers only; streaming writes, so the generator itself
stays small. Used by bench/exports_mem.sh; never committed as data."""
import json
import sys

kind, size, out = sys.argv[1], int(sys.argv[2]) << 20, sys.argv[3]
words = ("viaje seguro salida lunes precio mil info privado norte frontera "
         "grupo cupo disponible llamar whatsapp escribir ahora").split()


def text(i):
    n = 5 + i % 40
    return " ".join(words[(i * 7 + k) % len(words)] for k in range(n))


with open(out, "w", encoding="utf-8") as f:
    written, i = 0, 0
    if kind == "telegram":
        f.write('{\n "name": "Bench group",\n "type": "private_supergroup",\n'
                ' "id": 1000000001,\n "messages": [\n')
        while written < size:
            m = {"id": i, "type": "service" if i % 50 == 0 else "message",
                 "date": "2024-03-15T09:14:07", "date_unixtime": str(1710494047 + i),
                 "from": "Persona %d" % (i % 997), "from_id": "user%d" % (i % 997)}
            if i % 3 == 0:
                m["text"] = [text(i), {"type": "phone", "text": "+502 5555 %04d" % (i % 10000)},
                             {"type": "text_link", "text": "aquí", "href": "https://t.me/x%d" % i}]
            else:
                m["text"] = text(i)
            m["text_entities"] = [{"type": "plain", "text": text(i)}]
            s = (",\n  " if i else "  ") + json.dumps(m, ensure_ascii=False)
            f.write(s)
            written += len(s)
            i += 1
        f.write("\n ]\n}\n")
    else:
        while written < size:
            d, h, mi = 1 + (i // 1440) % 28, (i // 60) % 24, i % 60
            s = "%d/3/24, %02d:%02d - Persona %d: %s\n" % (d, h, mi, i % 997, text(i))
            if i % 5 == 0:
                s += "segunda línea %d\n" % i
            f.write(s)
            written += len(s)
            i += 1
