/*
 * Copyright (c) 2026 The dkimkit developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */

/*
 * What the CPU can do, asked once. CPUID traps to the hypervisor in a
 * virtual machine, which costs more than hashing a small message, so
 * an answer is kept. It is a fact about the CPU, the same for every
 * thread: the one kind of value the library keeps outside a handle, and
 * an atomic one.
 */

#ifndef DK_CPU_H
#define DK_CPU_H

#include <stdatomic.h>

/*
 * *known, which starts at -1, once probe() has answered: 1 or 0. Two
 * threads may both probe the first time; they get the same answer.
 */
int	dk_cpu_once(atomic_int *known, int (*probe)(void));

#endif /* DK_CPU_H */
