/* The tactic pattern databases, compiled and serialised at build time by
 * tools/hsdb_gen.c into build/hsdb/tactics.hsdb (see the Makefile and
 * tactics.h); tactics_new loads them instead of compiling. */
	.section .rodata
	.balign 16
	.global atl_tactics_hsdb
atl_tactics_hsdb:
	.incbin "build/hsdb/tactics.hsdb"
atl_tactics_hsdb_end:
	.byte 0
	.balign 8
	.global atl_tactics_hsdb_size
atl_tactics_hsdb_size:
	.quad atl_tactics_hsdb_end - atl_tactics_hsdb

	.section .note.GNU-stack,"",@progbits
