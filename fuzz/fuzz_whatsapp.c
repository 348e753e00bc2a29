/* The whatsapp reader on arbitrary bytes (format forced, small record limit). */
#include "fuzz.h"
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_read_format(data, size, "whatsapp");
	return 0;
}
