# One lint check explained.
$ caxtool check collector --explain collector/memory-limiter
--- stdout
collector/memory-limiter (warning)

memory_limiter must be the first processor of every pipeline: it refuses data before the collector runs out of memory, and it only protects what has not been buffered yet. A pipeline without it, or with it after batch or another processor, can be killed by the OOM killer under a burst, losing everything in flight.
--- exit 0
