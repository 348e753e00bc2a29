/* The default model, built into the library (see scripts/train-default-model.sh
 * for how models/default.model is made). detect.c reads it between
 * atl_default_model and atl_default_model_end. */
	.section .rodata
	.balign 16
	.global atl_default_model
atl_default_model:
	.incbin "models/default.model"
	.global atl_default_model_end
atl_default_model_end:
	.byte 0

	.section .note.GNU-stack,"",@progbits
