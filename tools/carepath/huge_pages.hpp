#pragma once
// A process-wide memory setting for the commands that build large heaps of small objects
// (`carepath simulate`): the heap is grown in one large step and offered to the kernel for
// transparent huge pages, so that it is faulted in 2 MiB at a time instead of 4 KiB. On this
// project's machines (virtual, where each page fault is costly) the default England run took
// about 30,000 page faults and a quarter of its CPU time in them; with this, about 600
// (docs/benchmarks.md, "Simulation"). Linux with glibc only; elsewhere it does nothing. The
// library never calls it: how a process uses memory is the program's choice, not the library's.
#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace carepath::cli {

/// Asks for the main heap to grow in steps of `step` bytes, for blocks up to 32 MiB to come
/// from it (not from separate mappings), and for its first step to be backed by huge pages
/// where the kernel allows (`madvise` mode of transparent huge pages). Call before the work
/// allocates; later steps are ordinary pages.
inline void heap_in_huge_pages(std::size_t step = std::size_t{512} << 20) {
#if defined(__linux__) && defined(__GLIBC__)
    constexpr std::size_t huge = std::size_t{2} << 20;
    constexpr int largest_from_heap = 32 << 20; // glibc's ceiling for M_MMAP_THRESHOLD
    if (mallopt(M_TOP_PAD, static_cast<int>(step)) == 0
        || mallopt(M_MMAP_THRESHOLD, largest_from_heap) == 0)
        return;
    // a block larger than the heap's free top makes malloc grow the heap by the block + step
    void* block = std::malloc(std::size_t{4} << 20);
    if (block == nullptr)
        return;
    const auto low = reinterpret_cast<std::uintptr_t>(block);
    const auto high = reinterpret_cast<std::uintptr_t>(sbrk(0));
    std::free(block);
    const std::uintptr_t first = (low + huge - 1) & ~(huge - 1), last = high & ~(huge - 1);
    if (last > first)
        (void)madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
    (void)step;
#endif
}

/// For a command whose heap grows with its input (`validate`, `continuity`): the first step is
/// `factor` times `input_bytes`, kept between 64 MiB and `most` (address space only: pages never
/// touched are never faulted in). With `big_blocks_in_heap`, blocks above 32 MiB come from the
/// heap too (glibc otherwise maps each apart, without huge pages).
inline void heap_for_input(std::uintmax_t input_bytes, std::uintmax_t factor, std::uintmax_t most,
                           bool big_blocks_in_heap = false) {
#if defined(__linux__) && defined(__GLIBC__)
    if (big_blocks_in_heap)
        (void)mallopt(M_MMAP_MAX, 0);
#else
    (void)big_blocks_in_heap;
#endif
    constexpr std::uintmax_t least = std::uintmax_t{64} << 20;
    heap_in_huge_pages(static_cast<std::size_t>(
        std::clamp<std::uintmax_t>(factor * input_bytes, least, std::max(least, most))));
}

} // namespace carepath::cli
